package org.kljn.analysis.eavesdropper;

import java.util.concurrent.ForkJoinTask;

/**
 * Where the window pencil's linear algebra ({@link WindowPencil}, {@link SymmetricEigenvalues}) runs its
 * independent ranges of rows or columns: on the calling thread, or split over the common ForkJoin pool. Each range
 * computes its own entries with the same operations in the same order as the whole loop does, so both give
 * bit-identical results; only ranges of at least {@link #PARALLEL_FROM} indices are split (below it the pool's
 * hand-offs cost more than they save, measured: {@code docs/eavesdropper-window.md}, "Cost"). Nested use (callers
 * that already run points in parallel, on the pool or their own threads) is safe: a pool thread runs its own
 * chunks while it waits.
 */
enum Chunks {
    /** Every range on the calling thread. */
    SEQUENTIAL,
    /** Ranges of at least {@link #PARALLEL_FROM} indices split over the common ForkJoin pool (and the caller). */
    POOL;

    /** The shortest range worth splitting (rows or columns of a matrix of about this dimension). */
    static final int PARALLEL_FROM = 192;

    /** A loop body over the indices [from, to). */
    interface Range {
        void run(int from, int to);
    }

    /**
     * Runs {@code body} over [from, to), in one piece or in chunks of about equal work when the work per index falls
     * like (to − x)^(power − 1) (power 1: uniform; 2: rows of a triangle; 3: columns of a triangular solve). The
     * caller and one pool task per further core claim chunks in turn until none is left, so a helper that the
     * shared machine does not schedule in time leaves its share to the others (a pool task not yet started is
     * taken back and finds nothing to do).
     */
    void run(int from, int to, int power, Range body) {
        int n = to - from;
        int cores = Runtime.getRuntime().availableProcessors();
        if (this == SEQUENTIAL || cores < 2 || n < PARALLEL_FROM) {
            body.run(from, to);
            return;
        }
        int chunks = 4 * cores;
        int[] bounds = new int[chunks + 1];
        bounds[0] = from;
        for (int q = 1; q <= chunks; q++) {
            bounds[q] = q == chunks ? to
                    : Math.max(bounds[q - 1], to - (int) Math.round(n * Math.pow(1 - (double) q / chunks, 1.0 / power)));
        }
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        Runnable claim = () -> {
            for (int c = next.getAndIncrement(); c < chunks; c = next.getAndIncrement()) {
                body.run(bounds[c], bounds[c + 1]);
            }
        };
        ForkJoinTask<?>[] helpers = new ForkJoinTask<?>[cores - 1];
        for (int h = 0; h < helpers.length; h++) {
            helpers[h] = ForkJoinTask.adapt(claim).fork();
        }
        claim.run();
        // the last forked first: a task still queued is taken back from the top of the queue and run here
        for (int h = helpers.length - 1; h >= 0; h--) {
            helpers[h].join();
        }
    }
}
