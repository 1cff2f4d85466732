package org.kljn.sweep;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.kljn.ngspice.NgSpicePool;
import org.kljn.worker.WorkerLoop;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The worker side of {@link IsolatedEvaluator}: reads the spec once, then answers point indexes with the point's
 * results as one JSON line, until its parent closes the pipe or dies.
 */
public final class IsolatedPoint {
    private IsolatedPoint() {
    }

    /**
     * Fault injection for the tests of a native crash (no ngspice 39.3 input known to crash it passes the line-model
     * checks any more): when {@value #CRASH_AT} names this point's index, the worker sends itself SIGSEGV, as a crash
     * in native code would end it. The signal is real, so is the worker's death; nothing of ngspice is replaced.
     */
    static final String CRASH_AT = "KLJN_TEST_CRASH_WORKER_AT_POINT";

    private static void crashIfInjected(int index) {
        if (Integer.toString(index).equals(System.getenv(CRASH_AT))) {
            try {
                new ProcessBuilder("kill", "-SEGV", Long.toString(ProcessHandle.current().pid())).start().waitFor();
                Thread.sleep(60_000); // the signal ends this JVM first
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException("fault injection failed: " + e.getMessage(), e);
            }
        }
    }

    public static void main(String[] args) throws Exception {
        SweepSpec spec = SweepSpec.read(Path.of(args[0]));
        ObjectMapper json = new ObjectMapper();
        NgSpicePool[] pool = new NgSpicePool[1];
        WorkerLoop.serve(() -> pool[0] = NgSpicePool.of(1), request -> {
            if (pool[0] == null) {
                pool[0] = NgSpicePool.of(1);
            }
            SweepPoint point = spec.point(Integer.parseInt(request.strip()));
            crashIfInjected(point.index());
            try {
                try {
                    return json.writeValueAsString(new KljnEvaluator(pool[0]).apply(point));
                } catch (PartialResultException e) {
                    // the results computed before the failure travel with the reason, for the parent's row
                    Map<String, Object> reply = new LinkedHashMap<>();
                    reply.put("partial", e.partial());
                    reply.put("error", e.describe());
                    return json.writeValueAsString(reply);
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }
}
