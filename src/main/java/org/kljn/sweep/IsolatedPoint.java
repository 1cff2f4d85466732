package org.kljn.sweep;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.kljn.ngspice.NgSpicePool;

import java.nio.file.Path;
import java.util.Map;

/** The child side of {@link IsolatedEvaluator}: evaluates one point and prints its results as one JSON line. */
public final class IsolatedPoint {
    private IsolatedPoint() {
    }

    public static void main(String[] args) throws Exception {
        SweepSpec spec = SweepSpec.read(Path.of(args[0]));
        SweepPoint point = spec.point(Integer.parseInt(args[1]));
        try (NgSpicePool pool = NgSpicePool.of(1)) {
            Map<String, Object> result;
            try {
                result = new KljnEvaluator(pool).apply(point);
            } catch (PartialResultException e) {
                // the results computed before the failure, for the parent's row
                System.out.println(new ObjectMapper().writeValueAsString(Map.of("partial", e.partial())));
                System.err.println(e.describe());
                System.exit(1);
                return;
            } catch (RuntimeException e) {
                System.err.println(e.getMessage());
                System.exit(1);
                return;
            }
            System.out.println(new ObjectMapper().writeValueAsString(result));
        }
    }
}
