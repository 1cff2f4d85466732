package org.kljn.sweep.slurm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Slurm's client programs ({@code sbatch}, {@code squeue}, {@code scancel}), run as child processes. */
public final class Sbatch {
    private Sbatch() {
    }

    private record Output(int status, String out, String err) {
    }

    /** Whether {@code program} is an executable on the PATH. */
    public static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String d : path.split(java.io.File.pathSeparator)) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, program))) {
                return true;
            }
        }
        return false;
    }

    private static Output run(List<String> command) throws IOException {
        Process p = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        // small outputs: read both after the end would risk a full pipe only for huge outputs, which these are not
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(String.join(" ", command) + ": no answer within 120 s");
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException(String.join(" ", command) + ": interrupted", e);
        }
        return new Output(p.exitValue(), out.strip(), err.strip());
    }

    /**
     * Submits {@code script} with {@code sbatch --parsable [args] script}.
     *
     * @return the job id (for an array, the array's job id)
     * @throws IOException with sbatch's own message when it refuses
     */
    public static String submit(Path script, List<String> args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("sbatch", "--parsable"));
        cmd.addAll(args);
        cmd.add(script.toString());
        Output o = run(cmd);
        String id = o.out().isEmpty() ? "" : o.out().lines().reduce((x, y) -> y).orElse("").split(";", 2)[0].strip();
        if (o.status() != 0 || !id.matches("\\d+")) {
            throw new IOException(String.join(" ", cmd) + " failed (exit status " + o.status() + "): "
                    + (o.err().isEmpty() ? o.out() : o.err()));
        }
        return id;
    }

    /**
     * The jobs of {@code jobId} (an array's tasks, or the job) still known to squeue, as "id state" lines; empty
     * when none are queued or running (squeue forgets finished jobs after MinJobAge).
     */
    public static List<String> queued(String jobId) throws IOException {
        Output o = run(List.of("squeue", "-h", "-r", "-j", jobId, "-o", "%i %T"));
        if (o.status() != 0) {
            if (o.err().contains("Invalid job id")) {
                return List.of();
            }
            throw new IOException("squeue -j " + jobId + " failed (exit status " + o.status() + "): " + o.err());
        }
        return o.out().lines().filter(l -> !l.isBlank())
                .filter(l -> !l.matches("\\S+\\s+(COMPLETED|CANCELLED|FAILED|TIMEOUT|PREEMPTED|NODE_FAIL|OUT_OF_MEMORY|BOOT_FAIL|DEADLINE)"))
                .toList();
    }

    /** {@code scancel jobId}. */
    public static void cancel(String jobId) throws IOException {
        Output o = run(List.of("scancel", jobId));
        if (o.status() != 0) {
            throw new IOException("scancel " + jobId + " failed (exit status " + o.status() + "): " + o.err());
        }
    }
}
