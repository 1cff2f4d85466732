package org.kljn.sweep;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code sweep --isolate}: each point runs in a child JVM ({@link IsolatedPoint}), so that a native crash in
 * ngspice (which takes the whole JVM down) costs only the point that caused it: the point is recorded as
 * failed with the reason and the sweep goes on. Costs a JVM start per point.
 */
public final class IsolatedEvaluator implements Function<SweepPoint, Map<String, Object>> {
    private final Path spec;

    public IsolatedEvaluator(Path spec) {
        this.spec = spec.toAbsolutePath();
    }

    @Override
    public Map<String, Object> apply(SweepPoint point) {
        try {
            Path dir = Files.createTempDirectory("kljn-isolated-");
            Path out = dir.resolve("out.txt");
            Path err = dir.resolve("err.txt");
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process p = new ProcessBuilder(java, "-Xmx256m", "-XX:+UseSerialGC", "-XX:ErrorFile=" + dir.resolve("hs_err.log"),
                    "-cp", System.getProperty("java.class.path"), IsolatedPoint.class.getName(), spec.toString(),
                    Integer.toString(point.index())).directory(dir.toFile()).redirectOutput(out.toFile())
                    .redirectError(err.toFile()).start();
            int status = p.waitFor();
            List<String> lines = Files.readAllLines(out);
            String last = lines.isEmpty() ? "" : lines.get(lines.size() - 1);
            if (status == 0 && last.startsWith("{")) {
                @SuppressWarnings("unchecked")
                Map<String, Object> result = new ObjectMapper().readValue(last, LinkedHashMap.class);
                return result;
            }
            if (last.startsWith("{\"partial\"")) {
                @SuppressWarnings("unchecked")
                Map<String, Object> partial = (Map<String, Object>) new ObjectMapper().readValue(last, LinkedHashMap.class)
                        .get("partial");
                throw new PartialResultException(partial, reason(status, err, dir.resolve("hs_err.log")), null);
            }
            throw new IllegalStateException(reason(status, err, dir.resolve("hs_err.log")));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while point " + point.index() + " ran in its worker JVM");
        }
    }

    /** Why a worker ended badly: its error message, or the signal that killed it. */
    static String reason(int status, Path err, Path hsErr) throws IOException {
        if (Files.exists(hsErr)) {
            for (String l : Files.readAllLines(hsErr)) {
                if (l.startsWith("#  SIG") || l.contains("SIGSEGV") || l.contains("SIGBUS") || l.contains("SIGFPE")) {
                    return "worker JVM crashed in native code (" + l.replace("#", "").strip() + "), exit status " + status;
                }
            }
            return "worker JVM crashed in native code, exit status " + status;
        }
        List<String> e = Files.exists(err) ? Files.readAllLines(err) : List.of();
        String message = e.isEmpty() ? "" : e.get(e.size() - 1).strip();
        if (status > 128) {
            return "worker JVM killed by signal " + (status - 128) + (message.isEmpty() ? "" : ": " + message);
        }
        return message.isEmpty() ? "worker JVM exited with status " + status : message;
    }
}
