package org.kljn.analysis.montecarlo;

import org.kljn.ngspice.NgSpice;
import org.kljn.ngspice.NgSpicePool;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * The ngspice sessions a Monte Carlo runs on (one session, or a pool's) and how many tasks may run at once. A task
 * never depends on which session serves it, so the numbers are the same for any thread count.
 */
abstract class Sessions {
    private final int threads;

    private Sessions(int threads) {
        this.threads = threads;
    }

    /** Runs {@code work} on one session (the single session, or a pool's). */
    abstract <T> T apply(Function<NgSpice, T> work);

    /** The one session, every time; tasks run in order on the caller's thread. */
    static Sessions of(NgSpice spice) {
        return new Sessions(1) {
            @Override
            <T> T apply(Function<NgSpice, T> work) {
                return work.apply(spice);
            }
        };
    }

    /** The pool's sessions; up to {@link NgSpicePool#size()} tasks at once. */
    static Sessions of(NgSpicePool pool) {
        return new Sessions(pool.size()) {
            @Override
            <T> T apply(Function<NgSpice, T> work) {
                return pool.withSession(work);
            }
        };
    }

    /** Runs the tasks on up to the sessions' thread count (in order on the caller's thread for one). */
    void runAll(Runnable[] tasks) {
        if (threads <= 1 || tasks.length <= 1) {
            for (Runnable t : tasks) {
                t.run();
            }
            return;
        }
        ExecutorService executor = Executors.newFixedThreadPool(Math.min(threads, tasks.length), r -> {
            Thread t = new Thread(r, "kljn-transient");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Runnable t : tasks) {
                futures.add(executor.submit(t));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    for (Future<?> g : futures) {
                        g.cancel(false);
                    }
                    throw rethrowCause(e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while the transient blocks ran", e);
                }
            }
        } finally {
            executor.shutdownNow();
        }
    }

    /** The task's own exception as it was raised: a runtime exception or error is thrown, anything else wrapped. */
    static RuntimeException rethrowCause(ExecutionException e) {
        Throwable c = e.getCause();
        if (c instanceof RuntimeException re) {
            throw re;
        }
        if (c instanceof Error err) {
            throw err;
        }
        return new IllegalStateException(c);
    }
}
