package org.kljn.sweep;

import org.kljn.io.ProgressBar;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Runs the points of one shard of a sweep through an evaluator on worker threads and writes a row per point to a
 * {@link SweepWriter} as each finishes: rows appear in completion order while the run goes on; a run that finishes
 * its shard rewrites the file in index order ({@link SweepWriter#sortByIndex}, as a merge writes it). Workers take
 * the pending points in ascending index order; the shard's points are walked, never listed.
 *
 * <p>An evaluator that throws an {@link Exception} gives a {@code failed} row with the exception's message (and, for a
 * {@link PartialResultException}, the results it had), and the sweep goes on; an {@link Error}, or a failure to write the file, stops the sweep and {@link #run} throws it.
 *
 * <p>Stopping: {@link #stop()} (from a shutdown hook on Ctrl-C, say) or interrupting the thread in {@link #run}
 * stops the sweep cleanly: workers take no new points and are interrupted; a point whose evaluation had not
 * returned is not written (a resumed run redoes it); every row written so far is whole and kept. {@link #run}
 * waits up to {@link Options#stopGrace()} for the workers to return, then returns anyway (the workers are daemon
 * threads and can no longer write).
 */
public final class SweepRunner {

    /**
     * How to run.
     *
     * @param jobs      worker threads, ≥ 1
     * @param shard     which part of the grid to run
     * @param resume    continue an existing results file (else it must not exist)
     * @param progress  when to draw the progress bar
     * @param err       where the progress bar goes (stderr)
     * @param stopGrace how long a stop waits for in-flight evaluations to return
     */
    public record Options(int jobs, Shard shard, boolean resume, ProgressBar.Mode progress, PrintStream err,
                          Duration stopGrace) {
        public Options {
            if (jobs < 1) {
                throw new IllegalArgumentException("the number of parallel evaluations must be >= 1, got " + jobs);
            }
            Objects.requireNonNull(shard);
            Objects.requireNonNull(progress);
            Objects.requireNonNull(err);
            Objects.requireNonNull(stopGrace);
        }

        /** One job per core, the whole grid, no resume, progress bar when stderr is a terminal, 10 s grace. */
        public static Options defaults() {
            return new Options(Runtime.getRuntime().availableProcessors(), Shard.ALL, false, ProgressBar.Mode.AUTO,
                    System.err, Duration.ofSeconds(10));
        }

        public Options withJobs(int j) {
            return new Options(j, shard, resume, progress, err, stopGrace);
        }

        public Options withShard(Shard s) {
            return new Options(jobs, s, resume, progress, err, stopGrace);
        }

        public Options withResume(boolean r) {
            return new Options(jobs, shard, r, progress, err, stopGrace);
        }

        public Options withProgress(ProgressBar.Mode m, PrintStream e) {
            return new Options(jobs, shard, resume, m, e, stopGrace);
        }

        public Options withStopGrace(Duration g) {
            return new Options(jobs, shard, resume, progress, err, g);
        }
    }

    /**
     * What a run did.
     *
     * @param selected      points in this shard
     * @param alreadyDone   of those, finished by an earlier run (resume)
     * @param ok            points finished ok in this run
     * @param failed        points failed in this run
     * @param stopped       whether the run was stopped before all points finished
     * @param droppedBytes  bytes of a partial last line dropped on resume
     * @param elapsed       wall time of this run
     */
    public record Summary(int selected, int alreadyDone, int ok, int failed, boolean stopped, long droppedBytes,
                          Duration elapsed) {
        /** Points of this shard not finished (by this or an earlier run). */
        public int remaining() {
            return selected - alreadyDone - ok - failed;
        }
    }

    private final SweepSpec spec;
    private final List<String> resultColumns;
    private final Function<SweepPoint, Map<String, Object>> evaluator;
    private final Path out;
    private final Options options;
    private final List<Thread> workers = new ArrayList<>();
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile boolean stopped;
    private boolean started;

    private SweepRunner(SweepSpec spec, List<String> resultColumns, Function<SweepPoint, Map<String, Object>> evaluator,
                        Path out, Options options) {
        this.spec = spec;
        this.resultColumns = List.copyOf(resultColumns);
        this.evaluator = evaluator;
        this.out = out;
        this.options = options;
    }

    /**
     * A runner.
     *
     * @param resultColumns the names of the evaluator's results, in CSV order; the evaluator's map may leave
     *                      some out (empty cells) but may not add others (the point then fails)
     * @param evaluator     computes one point; called concurrently from {@code options.jobs()} threads
     * @param out           the results CSV
     */
    public static SweepRunner create(SweepSpec spec, List<String> resultColumns,
                                     Function<SweepPoint, Map<String, Object>> evaluator, Path out, Options options) {
        SweepWriter.header(spec, resultColumns);
        return new SweepRunner(Objects.requireNonNull(spec), resultColumns, Objects.requireNonNull(evaluator),
                Objects.requireNonNull(out), Objects.requireNonNull(options));
    }

    /**
     * Runs the shard's unfinished points; returns when all are written, or after a stop.
     *
     * @throws IOException when the results file cannot be opened or written
     */
    public Summary run() throws IOException {
        synchronized (this) {
            if (started) {
                throw new IllegalStateException("a SweepRunner runs once");
            }
            started = true;
        }
        long t0 = System.nanoTime();
        SweepWriter writer = null;
        try {
            Shard shard = options.shard();
            writer = SweepWriter.open(out, spec, shard, resultColumns, options.resume());
            // the shard's points are p = index - 1 + k * count, k = 0, 1, ...: walked, never listed (a shard of 10^7
            // points would otherwise cost its arrays before the first point)
            int selectedCount = shard.size(spec.size());
            Batch batch = new Batch(writer, shard, selectedCount);
            int already = batch.done.cardinality();
            int n = Math.min(options.jobs(), Math.max(1, selectedCount - already));
            CountDownLatch finished = new CountDownLatch(n);
            startWorkers(() -> batch.work(finished), n, finished);
            boolean interrupted = awaitWorkers(finished);
            int ok = batch.ok.get();
            int failed = batch.failed.get();
            boolean complete = batch.fatal.get() == null && !stopped && !interrupted
                    && already + ok + failed == selectedCount;
            if (complete) {
                writer.sortByIndex(); // the rows came in finishing order; the finished file is in index order
            }
            writer.close(); // a straggling worker can no longer write
            batch.bar.finish();
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            rethrow(batch.fatal.get());
            int finishedNow = batch.ok.get() + batch.failed.get();
            return new Summary(selectedCount, already, batch.ok.get(), batch.failed.get(),
                    already + finishedNow < selectedCount, writer.droppedBytes(),
                    Duration.ofNanos(System.nanoTime() - t0));
        } finally {
            if (writer != null) {
                writer.close();
            }
            ended.countDown();
        }
    }

    /**
     * One run's shared state: the open results file, the points already done, the workers' cursor into the shard,
     * their counts and the first fatal error. The workers share one Batch.
     */
    private final class Batch {
        private final SweepWriter w;
        private final BitSet done;
        private final Shard shard;
        private final int selectedCount;
        private final ProgressBar bar;
        private final AtomicInteger next = new AtomicInteger();
        private final AtomicInteger ok = new AtomicInteger();
        private final AtomicInteger failed = new AtomicInteger();
        private final AtomicReference<Throwable> fatal = new AtomicReference<>();

        Batch(SweepWriter w, Shard shard, int selectedCount) {
            this.w = w;
            this.done = w.finished();
            this.shard = shard;
            this.selectedCount = selectedCount;
            this.bar = ProgressBar.create(options.progress(), options.err(), selectedCount, done.cardinality());
        }

        /** A worker: evaluates and writes pending points until none is left, the sweep stops or the file fails. */
        void work(CountDownLatch finished) {
            try {
                while (!stopped) {
                    int index = nextPending(next, done, shard, selectedCount);
                    if (index < 0) {
                        break;
                    }
                    SweepPoint p = spec.point(index);
                    String row;
                    boolean good;
                    try {
                        Map<String, Object> result = evaluator.apply(p);
                        if (result == null) {
                            throw new IllegalStateException("the evaluator returned null");
                        }
                        row = w.okRow(p, w.resultCells(result));
                        good = true;
                    } catch (PartialResultException e) {
                        // the exact columns survive a failed Monte Carlo
                        row = w.failedRow(p, w.resultCells(e.partial()), e.describe());
                        good = false;
                    } catch (Exception e) {
                        row = w.failedRow(p, describe(e));
                        good = false;
                    }
                    if (stopped) {
                        break; // in flight when the stop came: not written
                    }
                    if (!w.append(row)) {
                        break;
                    }
                    (good ? ok : failed).incrementAndGet();
                    bar.pointDone(good);
                }
            } catch (Throwable t) {
                fatal.compareAndSet(null, t);
                stopped = true;
            } finally {
                finished.countDown();
            }
        }
    }

    /** Starts {@code n} daemon workers, none if a stop came first (then counts them all finished). */
    private void startWorkers(Runnable work, int n, CountDownLatch finished) {
        synchronized (this) {
            for (int i = 0; i < n; i++) {
                Thread t = new Thread(work, "sweep-worker-" + (i + 1));
                t.setDaemon(true);
                workers.add(t);
            }
            if (stopped) {
                workers.clear();
                for (int i = 0; i < n; i++) {
                    finished.countDown();
                }
            }
            workers.forEach(Thread::start);
        }
    }

    /**
     * Waits for the workers to finish; after a stop, at most the stop grace more. Returns whether this thread was
     * interrupted (which stops the sweep).
     */
    private boolean awaitWorkers(CountDownLatch finished) {
        try {
            while (!finished.await(50, TimeUnit.MILLISECONDS)) {
                if (stopped) {
                    finished.await(options.stopGrace().toMillis(), TimeUnit.MILLISECONDS);
                    break;
                }
            }
            return false;
        } catch (InterruptedException e) {
            stop();
            try {
                finished.await(options.stopGrace().toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException again) {
                // a second interrupt: stop waiting
            }
            return true;
        }
    }

    /** Throws a worker's fatal error, if any, as it was thrown. */
    private static void rethrow(Throwable f) throws IOException {
        if (f instanceof IOException io) {
            throw io;
        }
        if (f instanceof RuntimeException re) {
            throw re;
        }
        if (f instanceof Error er) {
            throw er;
        }
    }

    /** The next point of the shard not yet done (ascending), or -1 when none is left; thread-safe. */
    private static int nextPending(AtomicInteger next, BitSet done, Shard shard, int selectedCount) {
        while (true) {
            int k = next.getAndIncrement();
            if (k >= selectedCount) {
                return -1;
            }
            int index = shard.index() - 1 + k * shard.count();
            if (!done.get(index)) { // done is only read here, never written, after the file was opened
                return index;
            }
        }
    }

    /** Stops the sweep (see the class comment); returns at once. Safe from any thread, any time. */
    public void stop() {
        synchronized (this) {
            stopped = true;
            for (Thread t : workers) {
                if (t != Thread.currentThread()) {
                    t.interrupt();
                }
            }
        }
    }

    /**
     * Stops and waits until {@link #run} has closed the results file, at most {@code timeout}; for a shutdown hook.
     *
     * @return whether run ended in time (true also when it never started)
     */
    public boolean stopAndWait(Duration timeout) throws InterruptedException {
        stop();
        synchronized (this) {
            if (!started) {
                return true;
            }
        }
        return ended.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Whether a stop was requested. */
    public boolean isStopped() {
        return stopped;
    }

    /** An exception as a one-line error cell: {@code Type: message}, with its causes' messages. */
    static String describe(Throwable e) {
        StringBuilder b = new StringBuilder();
        Throwable t = e;
        for (int depth = 0; t != null && depth < 5; depth++, t = t.getCause()) {
            if (depth > 0) {
                b.append(" <- ");
            }
            String msg = t.getMessage();
            b.append(t.getClass().getSimpleName());
            if (msg != null && !msg.isBlank()) {
                b.append(": ").append(msg.strip());
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return b.toString().replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }
}
