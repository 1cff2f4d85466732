package org.kljn.analysis.eavesdropper;

import java.util.concurrent.ForkJoinTask;

/**
 * Where the window pencil's linear algebra ({@link WindowPencil}, {@link SymmetricEigenvalues}) runs its
 * independent ranges of rows or columns: on the calling thread, or split over the common ForkJoin pool. Each range
 * computes its own entries with the same operations in the same order as the whole loop does, so both give
 * bit-identical results; only ranges of at least {@link #PARALLEL_FROM} indices are split. Nested use (callers
 * that already run points in parallel, on the pool or their own threads) is safe: a pool thread runs its own
 * chunks while it waits.
 */
enum Chunks {
    /** Every range on the calling thread. */
    SEQUENTIAL,
    /** Ranges of at least {@link #PARALLEL_FROM} indices split over the common ForkJoin pool (and the caller). */
    POOL;

    /**
     * {@link #POOL} where the machine has a core to spare (its load average below the cores less a half: the
     * caller's own thread counted, nothing else busy), else {@link #SEQUENTIAL}: on a busy machine (the key-rate
     * map's cells already keep the cores busy) every split's hand-off can wait for a thread the scheduler has put
     * aside; measured there, the map took about 30 % longer in wall time at the same CPU ({@code
     * docs/eavesdropper-window.md}, "Cost"). The results are the same either way; only the time differs.
     */
    static Chunks available() {
        int cores = Runtime.getRuntime().availableProcessors();
        double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return cores >= 2 && load >= 0 && load < cores - 0.5 ? POOL : SEQUENTIAL;
    }

    /**
     * The shortest range split (rows or columns of a matrix of about this dimension): chosen, not tuned; timings of
     * the pencil at 128 to 480 dimensions on the loaded 2-core machine of session 8 could not tell the two apart.
     */
    static final int PARALLEL_FROM = 192;

    /** A loop body over the indices [from, to). */
    interface Range {
        void run(int from, int to);
    }

    /**
     * Runs {@code body} over [from, to), in one piece or in chunks of about equal work when the work per index falls
     * like (to − x)^(power − 1) (power 1: uniform; 2: rows of a triangle; 3: columns of a triangular solve). The
     * caller and one pool task per further core claim chunks in turn until none is left. A helper the pool has not
     * started by the time the caller has finished is left behind as a no-op instead of being waited for (the pool's
     * threads may be busy with the caller's caller's work: a key-rate map's defences), so the caller waits at most
     * for chunks that a helper is running.
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
        java.util.concurrent.atomic.AtomicBoolean[] started = new java.util.concurrent.atomic.AtomicBoolean[cores - 1];
        ForkJoinTask<?>[] helpers = new ForkJoinTask<?>[cores - 1];
        for (int h = 0; h < helpers.length; h++) {
            java.util.concurrent.atomic.AtomicBoolean mine = new java.util.concurrent.atomic.AtomicBoolean();
            started[h] = mine;
            helpers[h] = ForkJoinTask.adapt(() -> {
                if (mine.compareAndSet(false, true)) {
                    claim.run();
                }
            }).fork();
        }
        claim.run();
        for (int h = 0; h < helpers.length; h++) {
            if (!started[h].compareAndSet(false, true)) {
                helpers[h].join(); // it is running chunks: their results are needed
            }
        }
    }
}
