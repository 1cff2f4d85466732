package org.kljn.analysis.eavesdropper;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The cache behind {@link ProlateBasis#of}: what it returns is, to the bit, what {@link ProlateBasis#computed}
 * computes afresh for the same (c, K, tolerance, count), never another key's numbers, stays within its memory bound,
 * cannot be changed through what it hands out, and gives the same numbers to threads racing on the same keys.
 */
class ProlateBasisCacheTest {
    /** The bandwidth of a bit of 256 Nyquist samples on 1 kHz (c = π f_max τ with f_max one grid step past 1 kHz). */
    private static final double C = 402.1238596594935;
    private static final int K = 481;
    private static final double TOLERANCE = 4.1e-32;
    private static final int COUNT = 296;

    /**
     * The cached basis (asked twice) equals the fresh computation in every eigenvalue, left-out sum and coefficient:
     * a cache keyed on less than what determines the numbers (c rounded to a float, K, E or the count left out) fails
     * one of the comparisons with the neighbouring keys below (c as a float: measured, the c + 1 ulp comparison).
     */
    @Test
    void cachedIsTheComputedBasisForTheSameKey() {
        ProlateBasis fresh = ProlateBasis.computed(C, K, TOLERANCE);
        for (int i = 0; i < 2; i++) {
            ProlateBasis cached = ProlateBasis.of(C, K, TOLERANCE);
            assertEquals(same(fresh), same(cached), "call " + i);
        }
        // the neighbouring keys: c one ulp up, K + 1, one more function, a tolerance giving a larger E
        assertFalse(same(ProlateBasis.computed(Math.nextUp(C), K, TOLERANCE)).equals(same(fresh)), "c + 1 ulp");
        assertEquals(same(ProlateBasis.computed(Math.nextUp(C), K, TOLERANCE)),
                same(ProlateBasis.of(Math.nextUp(C), K, TOLERANCE)), "c + 1 ulp, cached");
        assertFalse(Arrays.deepEquals(fresh.legendreCoefficients(COUNT), ProlateBasis.of(C, K + 1, TOLERANCE)
                .legendreCoefficients(COUNT)), "K + 1 gives one more Legendre row");
        assertTrue(Arrays.deepEquals(ProlateBasis.computed(C, K + 1, TOLERANCE).legendreCoefficients(COUNT),
                ProlateBasis.of(C, K + 1, TOLERANCE).legendreCoefficients(COUNT)), "K + 1, cached");
        assertTrue(Arrays.deepEquals(fresh.legendreCoefficients(COUNT + 1), ProlateBasis.of(C, K, TOLERANCE)
                .legendreCoefficients(COUNT + 1)), "count + 1, cached");
        double smaller = TOLERANCE * 1e-12;
        ProlateBasis deeper = ProlateBasis.of(C, K, smaller);
        assertTrue(deeper.eigenvalues().length > fresh.eigenvalues().length, "a smaller tolerance computes more");
        assertEquals(same(ProlateBasis.computed(C, K, smaller)), same(deeper), "smaller tolerance, cached");
        assertFalse(same(deeper).equals(same(fresh)), "smaller tolerance: other left-out sums");
    }

    /**
     * A tolerance that does not move E (halved here) gives the same basis, to the bit, as computed afresh: what lets
     * the key be E rather than the tolerance (a defence's β search changes the tolerance with the loop's peak
     * spectrum, rarely E).
     */
    @Test
    void toleranceEntersOnlyThroughTheLastOrder() {
        ProlateBasis a = ProlateBasis.computed(C, K, TOLERANCE);
        ProlateBasis b = ProlateBasis.of(C, K, TOLERANCE * 0.5);
        assertEquals(a.eigenvalues().length, b.eigenvalues().length, "E");
        assertEquals(same(a), same(b));
    }

    /** What a caller gets cannot change the cache: writing into the returned arrays leaves the next call's intact. */
    @Test
    void handedOutArraysAreCopies() {
        ProlateBasis basis = ProlateBasis.of(C, K, TOLERANCE);
        double[][][] first = basis.legendreCoefficients(COUNT);
        double[][][] expected = ProlateBasis.computed(C, K, TOLERANCE).legendreCoefficients(COUNT);
        first[0][0][0] = 42;
        double[] lambda = basis.eigenvalues();
        lambda[0] = 42;
        double[][][] second = ProlateBasis.of(C, K, TOLERANCE).legendreCoefficients(COUNT);
        assertNotSame(first, second);
        assertTrue(Arrays.deepEquals(expected, second), "coefficients after a caller wrote into its copy");
        assertEquals(ProlateBasis.computed(C, K, TOLERANCE).eigenvalues()[0], basis.eigenvalues()[0], 0.0);
    }

    /**
     * Filling the cache with many distinct bits (c from 50 to 400, each basis with its coefficients) never holds more
     * than its bound, and it still serves the most recent key correctly.
     */
    @Test
    void memoryStaysWithinTheBound() {
        long bound = ProlateBasis.CACHED_FUNCTIONS + ProlateBasis.CACHED_COEFFICIENTS;
        for (int i = 0; i < 40; i++) {
            double c = 50 + 9 * i + 0.25;
            int k = (int) Math.ceil(1.2 * c) + 1;
            ProlateBasis basis = ProlateBasis.of(c, k, 1e-30);
            basis.legendreCoefficients((int) (2 * c / Math.PI) + 10);
            assertTrue(ProlateBasis.cachedDoubles() <= bound, "held " + ProlateBasis.cachedDoubles() + " doubles after "
                    + (i + 1) + " bits, bound " + bound);
        }
        double c = 50 + 9 * 39 + 0.25;
        int k = (int) Math.ceil(1.2 * c) + 1;
        assertEquals(same(ProlateBasis.computed(c, k, 1e-30)), same(ProlateBasis.of(c, k, 1e-30)), "the last bit");
        assertTrue(ProlateBasis.cachedDoubles() > bound / 4, "the cache holds something: " + ProlateBasis.cachedDoubles());
    }

    /**
     * Eight threads asking for four keys (two bits, two counts) 32 times in a shuffled order: every answer equals the
     * fresh single-thread computation for its key, to the bit.
     */
    @Test
    void concurrentCallersGetTheSameNumbers() throws Exception {
        double[] cs = {C, 0.5 * C + 0.125};
        int[][] keys = {{0, COUNT}, {0, COUNT - 20}, {1, 140}, {1, 150}};
        String[] expected = new String[keys.length];
        for (int i = 0; i < keys.length; i++) {
            double c = cs[keys[i][0]];
            expected[i] = same(ProlateBasis.computed(c, (int) Math.ceil(1.2 * c), TOLERANCE), keys[i][1]);
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> answers = new ArrayList<>();
            List<Integer> asked = new ArrayList<>();
            for (int j = 0; j < 32; j++) {
                int i = (j * 7 + j / 4) % keys.length;
                double c = cs[keys[i][0]];
                int count = keys[i][1];
                asked.add(i);
                Callable<String> call = () -> same(ProlateBasis.of(c, (int) Math.ceil(1.2 * c), TOLERANCE), count);
                answers.add(pool.submit(call));
            }
            for (int j = 0; j < answers.size(); j++) {
                assertEquals(expected[asked.get(j)], answers.get(j).get(30, TimeUnit.MINUTES), "answer " + j);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static String same(ProlateBasis basis) {
        return same(basis, COUNT);
    }

    /** Everything a caller can read, to the bit: eigenvalues, left-out sums and the coefficients of {@code count}. */
    private static String same(ProlateBasis basis, int count) {
        double[] lambda = basis.eigenvalues();
        StringBuilder s = new StringBuilder();
        s.append(Arrays.toString(lambda));
        for (int n = 0; n <= lambda.length; n++) {
            s.append(',').append(Double.doubleToLongBits(basis.leftOut(n)));
        }
        s.append(Arrays.deepToString(basis.legendreCoefficients(count)));
        return s.toString();
    }
}
