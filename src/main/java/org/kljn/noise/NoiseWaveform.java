package org.kljn.noise;

/**
 * The continuous noise voltage y(t) = Σ_k w_k Λ((t − kh)/h) (V): linear interpolation of a {@link NoiseGrid}, i.e.
 * exactly the piecewise-linear source ngspice integrates when its steps land on the grid. Its time-averaged
 * one-sided PSD is S0·g(f) with g the design's {@link RealisedBand}, and its mean square is S0·Δf.
 *
 * <p>Grid values are generated on demand and the most recent {@code history} of them are kept in a ring buffer, so
 * ngspice may query the same time repeatedly, or step back (rejected time steps) by up to
 * {@code (history − 1)·h}; older times fail with {@link IllegalStateException}. The value at t is a pure function of
 * (design, S0, stream key, t), independent of the query order. {@link #valueAt(double)} does not allocate and costs
 * a few ns; not thread-safe (one instance per source, called from the simulator's thread).
 */
public final class NoiseWaveform {

    /** Default ring size: 4096 grid steps of history. */
    public static final int DEFAULT_HISTORY = 4096;

    private static final double MAX_GRID_COORDINATE = 0x1p52;

    private final NoiseGrid grid;
    private final double h;
    private final double invH;
    private final double[] ring;
    private final int mask;
    private long newest = -1;

    NoiseWaveform(NoiseGrid grid, int history) {
        if (history < 2) {
            throw new IllegalArgumentException("history must be >= 2: " + history);
        }
        int size = Integer.highestOneBit(history - 1) << 1;
        this.grid = grid;
        this.h = grid.gridStep();
        this.invH = 1.0 / h;
        this.ring = new double[size];
        this.mask = size - 1;
    }

    /** y(t) in volts for t ≥ 0 (s): linear interpolation between w_⌊t/h⌋ and w_⌊t/h⌋+1. */
    public double valueAt(double t) {
        double x = t * invH;
        if (!(x >= 0 && x < MAX_GRID_COORDINATE)) {
            throw new IllegalArgumentException("time must be finite and >= 0: " + t);
        }
        long k = (long) x;
        double u = x - k;
        long k1 = k + 1;
        if (k1 > newest) {
            advanceTo(k1);
        } else if (k <= newest - ring.length) {
            throw tooFarBack(t, k);
        }
        double a = ring[(int) k & mask];
        return a + u * (ring[(int) k1 & mask] - a);
    }

    /** Grid value w_k (V); k must be within the history window or ahead of it. */
    public double gridValue(long k) {
        if (k < 0) {
            throw new IllegalArgumentException("grid index must be >= 0: " + k);
        }
        if (k > newest) {
            advanceTo(k);
        } else if (k <= newest - ring.length) {
            throw tooFarBack(k * h, k);
        }
        return ring[(int) k & mask];
    }

    /** Grid step h (s). */
    public double gridStep() {
        return h;
    }

    /**
     * Earliest time (s) that can safely still be queried: the oldest retained cell, with one grid step of margin so
     * that rounding of t/h cannot land in the cell before it.
     */
    public double earliestTime() {
        return Math.max(0, newest - ring.length + 2) * h;
    }

    /** Number of grid values retained (ring size, a power of two ≥ the requested history). */
    public int history() {
        return ring.length;
    }

    private void advanceTo(long k) {
        while (newest < k) {
            newest++;
            ring[(int) newest & mask] = grid.next();
        }
    }

    private IllegalStateException tooFarBack(double t, long k) {
        return new IllegalStateException(String.format(
                "noise waveform queried at t = %.9g s (grid index %d), older than the retained history: earliest "
                        + "available t = %.9g s (newest index %d, %d samples kept); increase the history",
                t, k, earliestTime(), newest, ring.length));
    }
}
