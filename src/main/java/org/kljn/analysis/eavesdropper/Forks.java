package org.kljn.analysis.eavesdropper;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;

/**
 * The one rule for how many threads the window's independent parts (the Gram's row blocks, the pencil's halves) may
 * be dealt to: forked by {@link ForkJoinTask#invokeAll} only, so that they run in the caller's ForkJoin pool when the
 * caller is one of its workers, else in the common pool beside the caller; never a pool of our own.
 */
final class Forks {
    private Forks() {
    }

    /**
     * The threads a split may use: the caller's pool's parallelism, or the common pool's plus the caller; 1 while the
     * caller's pool still holds submitted work (a map's cells waiting: every worker already has its own, and splitting
     * there cost the 13 × 13 key-rate map ~10 % more wall and CPU time, bench {@code keyRateMap}).
     */
    static int threads() {
        ForkJoinPool pool = ForkJoinTask.getPool();
        if (pool == null) {
            return ForkJoinPool.getCommonPoolParallelism() + 1;
        }
        return pool.hasQueuedSubmissions() ? 1 : pool.getParallelism();
    }
}
