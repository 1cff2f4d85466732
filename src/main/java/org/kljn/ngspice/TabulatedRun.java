package org.kljn.ngspice;

import java.util.List;
import java.util.Objects;

/**
 * A streaming transient whose EXTERNAL sources are tables ({@link TabulatedSource}) and whose steps end on a fixed
 * grid: {@link NgSpice#runTabulated}. On the native shim the per-point callbacks (sources on every Newton iteration,
 * the step grid, the accepted points) never enter the JVM; Java refills the tables and receives the points a block
 * at a time. On the JNA path the same semantics run in Java callbacks.
 *
 * @param sources         the tabulated voltage sources
 * @param solverGrid      the step grid (s): every step is shrunk to end on the next multiple of it (ngspice's
 *                        proposal is never lengthened); 0 for no step control
 * @param streamedVectors the vectors the listener reads (e.g. {@code time}, {@code a}, {@code v1#branch});
 *                        the others arrive as NaN. Empty: all vectors (at most {@value #MAX_VECTORS})
 * @param chunk           table values per refill (a power of two; the history kept for ngspice's look-back is
 *                        three chunks)
 * @param pointsPerFlush  accepted points per hand-over to the listener on the shim
 */
public record TabulatedRun(List<TabulatedSource> sources, double solverGrid, List<String> streamedVectors, int chunk,
        int pointsPerFlush) {
    /** Vectors a shim record can hold. */
    public static final int MAX_VECTORS = 64;
    static final int DEFAULT_CHUNK = 4096;
    static final int DEFAULT_POINTS_PER_FLUSH = 4096;

    public TabulatedRun {
        sources = List.copyOf(sources);
        streamedVectors = List.copyOf(streamedVectors);
        Objects.requireNonNull(sources, "sources");
        if (!(solverGrid >= 0) || !Double.isFinite(solverGrid)) {
            throw new IllegalArgumentException("solver grid must be >= 0 and finite (0: no step control): "
                    + solverGrid);
        }
        if (chunk < 2 || Integer.bitCount(chunk) != 1 || chunk > (1 << 24)) {
            throw new IllegalArgumentException("refill chunk must be a power of two in [2, 2^24]: " + chunk);
        }
        if (pointsPerFlush < 1) {
            throw new IllegalArgumentException("points per flush must be at least 1: " + pointsPerFlush);
        }
        if (streamedVectors.size() > MAX_VECTORS) {
            throw new IllegalArgumentException("at most " + MAX_VECTORS + " streamed vectors: " + streamedVectors.size());
        }
        if (sources.size() > 16) {
            throw new IllegalArgumentException("at most 16 tabulated sources: " + sources.size());
        }
    }

    /** The default chunking: a few thousand table values per refill, a few thousand points per hand-over. */
    public static TabulatedRun of(List<TabulatedSource> sources, double solverGrid, List<String> streamedVectors) {
        return new TabulatedRun(sources, solverGrid, streamedVectors, DEFAULT_CHUNK, DEFAULT_POINTS_PER_FLUSH);
    }

    /** The same run with other refill and hand-over sizes (tests force chunk and buffer boundaries with it). */
    public TabulatedRun withBuffers(int chunk, int pointsPerFlush) {
        return new TabulatedRun(sources, solverGrid, streamedVectors, chunk, pointsPerFlush);
    }

    /** Ring size for a source: four chunks (one being filled, three of history). */
    int ringCapacity() {
        return 4 * chunk;
    }

    /**
     * The step from {@code time} to the next grid point (a multiple of {@code grid}). A time that rounding left a
     * hair below a grid point counts as on it: a step of 1e-16 s would stall ngspice.
     */
    public static double nextGridStep(double time, double grid) {
        double next = (Math.floor(time / grid) + 1) * grid;
        if (next - time < 1e-6 * grid) {
            next += grid;
        }
        return next - time;
    }

    /** What one run did: accepted points and which callback path served it. */
    public record Outcome(long acceptedPoints, CallbackPath callbacks) {
    }
}
