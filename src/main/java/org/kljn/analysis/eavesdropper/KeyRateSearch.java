package org.kljn.analysis.eavesdropper;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntToDoubleFunction;

/**
 * The bit length M (whole Nyquist samples) that maximises the secret-key rate R(M). R is not unimodal in general
 * (Alice's and Bob's errors fall with M while Eve's information rises, each at its own pace, and 1/τ divides both), so:
 * <ol>
 * <li>a log grid from the shortest bit up, each step a factor {@link #GRID_RATIO} (at least one sample);</li>
 * <li>it stops as soon as no longer bit can beat the best found (a caller's ceiling, e.g. R(M) ≤ kept ξ / τ(M) as
 * I(A;B) ≤ 1 and I(A;E) ≥ 0, which falls with M); else at the largest M allowed;</li>
 * <li>around each of the {@link #REFINED} best local maxima of the grid, the integers between its neighbours are
 * searched (ternary search down to {@link #SCAN} integers, then every one of them).</li>
 * </ol>
 * A test checks it against R at every M.
 */
public final class KeyRateSearch {
    /** Grid step: 2^{1/4}. */
    static final double GRID_RATIO = Math.pow(2, 0.25);
    /** Grid maxima refined. */
    static final int REFINED = 3;
    /** Integer intervals at most this wide are scanned point by point. */
    static final int SCAN = 6;

    private KeyRateSearch() {
    }

    /**
     * The search's outcome.
     *
     * @param best             the best M found (the shortest with R = 0 when R is 0 everywhere)
     * @param evaluated        how many M were evaluated
     * @param searchedUpTo     the longest M on the grid evaluated
     * @param stoppedByCeiling whether the grid stopped because no longer bit could beat the best (else it reached
     *                         the largest M allowed)
     */
    public record Result(int best, int evaluated, int searchedUpTo, boolean stoppedByCeiling) {
    }

    /** The best bit of one defence: the rate there and how the search went. */
    public record Optimum(KeyRate rate, int bitSamples, int evaluated, int searchedUpTo, boolean stoppedByCeiling) {
        /** Whether R = 0 at every bit considered. */
        public boolean noKey() {
            return !(rate.bitsPerSecond() > 0);
        }
    }

    /** An upper bound on R at M and every longer bit, given what was learnt evaluating R up to {@code from}. */
    @FunctionalInterface
    public interface Ceiling {
        double above(int from, int m);
    }

    /**
     * @param rate    R(M), bit/s
     * @param ceiling an upper bound on R at every M' ≥ M, falling with M
     * @param min     the shortest M
     * @param max     the longest M allowed
     */
    public static Result search(IntToDoubleFunction rate, Ceiling ceiling, int min, int max) {
        if (max < min) {
            throw new IllegalArgumentException("longest bit " + max + " below the shortest " + min);
        }
        Map<Integer, Double> seen = new HashMap<>();
        IntToDoubleFunction r = m -> seen.computeIfAbsent(m, rate::applyAsDouble);
        List<Integer> grid = new ArrayList<>();
        double best = 0;
        boolean stopped = false;
        for (int m = min; m <= max; ) {
            grid.add(m);
            best = Math.max(best, r.applyAsDouble(m));
            int next = (int) Math.max(m + 1L, Math.min(Integer.MAX_VALUE, Math.round(m * GRID_RATIO)));
            if (m < max && next > max) {
                next = max; // the longest bit allowed is always on the grid
            }
            double above = ceiling.above(m, next);
            if (above <= best && (best > 0 || above == 0)) {
                stopped = next <= max;
                break;
            }
            m = next;
        }
        // the grid's local maxima with R > 0, best first
        List<Integer> peaks = new ArrayList<>();
        for (int i = 0; i < grid.size(); i++) {
            double v = r.applyAsDouble(grid.get(i));
            boolean left = i == 0 || v >= r.applyAsDouble(grid.get(i - 1));
            boolean right = i == grid.size() - 1 || v >= r.applyAsDouble(grid.get(i + 1));
            if (v > 0 && left && right) {
                peaks.add(i);
            }
        }
        peaks.sort(Comparator.comparingDouble((Integer i) -> -r.applyAsDouble(grid.get(i))));
        for (int p = 0; p < Math.min(REFINED, peaks.size()); p++) {
            int i = peaks.get(p);
            int lo = i == 0 ? grid.get(0) : grid.get(i - 1);
            int hi = i == grid.size() - 1 ? grid.get(i) : grid.get(i + 1);
            while (hi - lo > SCAN) {
                int m1 = lo + (hi - lo) / 3;
                int m2 = hi - (hi - lo) / 3;
                if (r.applyAsDouble(m1) < r.applyAsDouble(m2)) {
                    lo = m1;
                } else {
                    hi = m2;
                }
            }
            for (int m = lo; m <= hi; m++) {
                r.applyAsDouble(m);
            }
        }
        int arg = grid.get(0);
        for (Map.Entry<Integer, Double> e : seen.entrySet()) {
            double v = e.getValue();
            double a = seen.get(arg);
            if (v > a || (v == a && e.getKey() < arg)) {
                arg = e.getKey();
            }
        }
        return new Result(arg, seen.size(), grid.get(grid.size() - 1), stopped);
    }
}
