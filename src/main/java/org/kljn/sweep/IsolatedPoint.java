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

    public static void main(String[] args) throws Exception {
        SweepSpec spec = SweepSpec.read(Path.of(args[0]));
        ObjectMapper json = new ObjectMapper();
        NgSpicePool[] pool = new NgSpicePool[1];
        WorkerLoop.serve(() -> pool[0] = NgSpicePool.of(1), request -> {
            if (pool[0] == null) {
                pool[0] = NgSpicePool.of(1);
            }
            SweepPoint point = spec.point(Integer.parseInt(request.strip()));
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
