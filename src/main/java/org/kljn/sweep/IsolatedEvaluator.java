package org.kljn.sweep;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.kljn.worker.WorkerProcess;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Function;

/**
 * {@code sweep --isolate}: the points run in long-lived worker JVMs ({@link WorkerProcess}, one per job), so
 * that a native crash in ngspice (which takes the whole JVM down) costs only the point that caused it: the point
 * is recorded as failed with the reason, that worker restarts, and the sweep goes on. Workers die with the sweep
 * (SIGTERM, kill -9) and leave no files.
 */
public final class IsolatedEvaluator implements Function<SweepPoint, Map<String, Object>>, AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final BlockingQueue<WorkerProcess> idle;
    private final List<WorkerProcess> all = new ArrayList<>();

    public IsolatedEvaluator(Path spec, int workers) {
        idle = new ArrayBlockingQueue<>(workers);
        for (int i = 0; i < workers; i++) {
            WorkerProcess w = WorkerProcess.of(IsolatedPoint.class, List.of("-Xmx256m", "-XX:+UseSerialGC"),
                    List.of(spec.toAbsolutePath().toString()));
            all.add(w);
            idle.add(w);
        }
    }

    @Override
    public Map<String, Object> apply(SweepPoint point) {
        WorkerProcess w;
        try {
            w = idle.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a worker JVM for point " + point.index());
        }
        try {
            WorkerProcess.Reply reply = w.call(Integer.toString(point.index()), null);
            if (!reply.answered()) {
                throw new IllegalStateException(reply.failure());
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> result = JSON.readValue(reply.text(), LinkedHashMap.class);
            Object error = result.get("error");
            if (error != null && result.size() == 1) {
                throw new IllegalStateException(String.valueOf(error));
            }
            if (error != null && result.get("partial") instanceof Map<?, ?> partial) {
                // a Monte Carlo that failed after the exact analysis: keep the exact columns
                @SuppressWarnings("unchecked")
                Map<String, Object> kept = (Map<String, Object>) partial;
                throw new PartialResultException(kept, String.valueOf(error), null);
            }
            return result;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while point " + point.index() + " ran in its worker JVM");
        } finally {
            idle.add(w);
        }
    }

    /** Child JVMs started so far (one per worker, plus one per restart after a crash). */
    public int workerStarts() {
        return all.stream().mapToInt(WorkerProcess::starts).sum();
    }

    @Override
    public void close() {
        all.forEach(WorkerProcess::close);
    }
}
