package org.kljn.cli;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * {@code kljn sweep --slurm} through a real single-node Slurm ({@code native/slurm-local.sh start}, which installs
 * slurm-wlm and munge when they are missing). The built jar is run as a child process, as a user would, and the
 * array tasks run it on the node. If Slurm cannot be started, every test here fails with the script's reason.
 */
@Tag("integration") // runs in mvn verify (failsafe)
class SlurmSweepIT {
    private static final Path ROOT = Path.of("").toAbsolutePath();
    private static final Path JAR = ROOT.resolve("target/kljn-cli.jar");
    private static final Set<String> ENDED = Set.of("COMPLETED", "CANCELLED", "FAILED", "TIMEOUT", "PREEMPTED",
            "NODE_FAIL", "OUT_OF_MEMORY", "BOOT_FAIL", "DEADLINE");
    private static final Pattern ARRAY_JOB = Pattern.compile("(?m)^array job (\\d+): shards (\\S+) of");
    private static final Pattern MERGE_JOB = Pattern.compile("(?m)^merge job (\\d+):");
    /** How long a command or a job may take before the test calls it a hang: far above any run on a loaded machine. */
    private static final Duration HANG_GUARD = Duration.ofMinutes(30);
    private static boolean startedHere;

    record Proc(int status, String out, String err) {
    }

    private static Proc run(Path dir, Duration timeout, List<String> command) throws IOException, InterruptedException {
        Path o = Files.createTempFile("slurm-it", ".out");
        Path e = Files.createTempFile("slurm-it", ".err");
        try {
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectOutput(o.toFile())
                    .redirectError(e.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
                fail(String.join(" ", command) + ": no end within " + timeout + "; output: " + Files.readString(o)
                        + Files.readString(e));
            }
            return new Proc(p.exitValue(), Files.readString(o), Files.readString(e));
        } finally {
            Files.deleteIfExists(o);
            Files.deleteIfExists(e);
        }
    }

    private static Proc kljn(Path dir, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString()));
        cmd.addAll(List.of(args));
        return run(dir, HANG_GUARD, cmd);
    }

    @BeforeAll
    static void startSlurm() throws Exception {
        assertTrue(Files.isRegularFile(JAR), JAR + " is missing: these tests run in 'mvn verify', after package");
        // apt-get may have to fetch slurm-wlm and munge on a fresh machine
        Proc p = run(ROOT, HANG_GUARD, List.of("bash", ROOT.resolve("native/slurm-local.sh").toString(), "start"));
        assertEquals(0, p.status(), "Slurm could not be started on this machine by native/slurm-local.sh start:\n"
                + p.out() + p.err());
        startedHere = p.out().strip().endsWith("started");
    }

    @AfterAll
    static void stopSlurm() throws Exception {
        // stop the Slurm this class started, unless another run (another worktree's mvn verify) has jobs queued
        Proc q = run(ROOT, HANG_GUARD, List.of("squeue", "-h", "-o", "%i"));
        if (startedHere && q.status() == 0 && q.out().isBlank()) {
            Proc p = run(ROOT, HANG_GUARD, List.of("bash", ROOT.resolve("native/slurm-local.sh").toString(), "stop"));
            assertEquals(0, p.status(), "native/slurm-local.sh stop: " + p.out() + p.err());
        }
    }

    /** Polls squeue until every job of {@code ids} (array tasks one by one) has ended; returns id -> state. */
    private static Map<String, String> waitForJobs(Duration timeout, String... ids) throws Exception {
        long end = System.nanoTime() + timeout.toNanos();
        String last = "";
        while (System.nanoTime() < end) {
            Proc q = run(ROOT, HANG_GUARD, List.of("squeue", "-h", "-r", "-t", "all", "-j", String.join(",", ids),
                    "-o", "%i %T"));
            assertEquals(0, q.status(), "squeue: " + q.err());
            last = q.out();
            Map<String, String> states = new LinkedHashMap<>();
            q.out().lines().filter(l -> !l.isBlank()).forEach(l -> {
                String[] f = l.strip().split("\\s+");
                states.put(f[0], f[1]);
            });
            if (!states.isEmpty() && states.values().stream().allMatch(ENDED::contains)) {
                return states;
            }
            Thread.sleep(500);
        }
        fail("jobs " + String.join(",", ids) + " did not end within " + timeout + "; squeue says:\n" + last);
        return Map.of();
    }

    private static String group(Pattern p, String text, int g) {
        Matcher m = p.matcher(text);
        assertTrue(m.find(), "no '" + p + "' in the output of sweep --slurm:\n" + text);
        return m.group(g);
    }

    /** A local sweep of {@code spec}, sorted by index through merge: what the cluster must reproduce byte for byte. */
    private static byte[] localReference(Path dir, Path spec) throws Exception {
        Proc local = kljn(dir, "sweep", spec.toString(), "--out", dir.resolve("local.csv").toString(), "--progress", "never",
                "--jobs", "2");
        assertEquals(0, local.status(), local.out() + local.err());
        Proc sorted = kljn(dir, "merge", dir.resolve("local.csv").toString(), "--out", dir.resolve("local-sorted.csv").toString());
        assertEquals(0, sorted.status(), sorted.err());
        return Files.readAllBytes(dir.resolve("local-sorted.csv"));
    }

    private static String logs(Path dir) throws IOException {
        StringBuilder b = new StringBuilder();
        try (var files = Files.list(dir.resolve("logs"))) {
            for (Path f : files.sorted().toList()) {
                b.append("--- ").append(f.getFileName()).append('\n').append(Files.readString(f));
            }
        }
        return b.toString();
    }

    @Test
    void anArrayOfThreeShardsMergesToTheLocalRunByteForByte(@TempDir Path dir) throws Exception {
        Path spec = dir.resolve("small.spec");
        Files.writeString(spec, String.join("\n", "rl: 1k", "rh: 10k", "alice: H, L", "cable: lumped",
                "rc: 100, 200, 300", "bandwidth: 1k", "beta: 1, eq11", "analyses: exact", ""));
        Path out = dir.resolve("cluster");
        Proc submit = kljn(dir, "sweep", spec.toString(), "--out", out.toString(), "--slurm", "3", "--time", "60",
                "--mem", "1G");
        assertEquals(0, submit.status(), submit.out() + submit.err());
        String array = group(ARRAY_JOB, submit.out(), 1);
        String merge = group(MERGE_JOB, submit.out(), 1);
        assertEquals("1-3", group(ARRAY_JOB, submit.out(), 2));

        Map<String, String> states = waitForJobs(HANG_GUARD, array, merge);
        assertEquals(Map.of(array + "_1", "COMPLETED", array + "_2", "COMPLETED", array + "_3", "COMPLETED",
                merge, "COMPLETED"), states, () -> "job states; logs:\n" + uncheckedLogs(out));
        byte[] reference = localReference(dir, spec);
        assertArrayEquals(reference, Files.readAllBytes(out.resolve("merged.csv")),
                "the merged CSV from Slurm is the local run's, byte for byte");

        Proc status = kljn(dir, "status", out.toString(), "--json");
        assertEquals(0, status.status(), status.err());
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(status.out());
        assertEquals(12, json.get("points").asInt());
        assertEquals(12, json.get("done").asInt());
        assertEquals(0, json.get("left").asInt());
        assertEquals(array, json.get("submissions").get(0).get("arrayJob").asText());
    }

    @Test
    void aTaskCancelledMidwayIsResubmittedAloneAndNothingIsLostOrDuplicated(@TempDir Path dir) throws Exception {
        // 120 LTRA points, 60 per shard: several seconds per shard, so the cancel lands mid-way
        Path spec = dir.resolve("lengths.spec");
        Files.writeString(spec, String.join("\n", "rl: 1k", "rh: 10k", "alice: H, L", "cable: ltra", "preset: cat5",
                "length: log 10 10k 20", "bandwidth: 1k", "beta: 1, eq11, null", "analyses: exact", ""));
        Path out = dir.resolve("cluster");
        Proc submit = kljn(dir, "sweep", spec.toString(), "--out", out.toString(), "--slurm", "2");
        assertEquals(0, submit.status(), submit.out() + submit.err());
        String array = group(ARRAY_JOB, submit.out(), 1);
        String merge = group(MERGE_JOB, submit.out(), 1);

        // cancel task 1 once its shard file holds 3 rows
        Path shard1 = out.resolve("sweep.shard-1-of-2.csv");
        long deadline = System.nanoTime() + HANG_GUARD.toNanos();
        while (dataRows(shard1) < 3) {
            assertTrue(System.nanoTime() < deadline, () -> "shard 1 wrote no 3 rows within " + HANG_GUARD + "; logs:\n" + uncheckedLogs(out));
            Thread.sleep(50);
        }
        Proc cancel = run(ROOT, HANG_GUARD, List.of("scancel", array + "_1"));
        assertEquals(0, cancel.status(), cancel.err());
        Map<String, String> states = waitForJobs(HANG_GUARD, array, merge);
        assertEquals("CANCELLED", states.get(array + "_1"), states::toString);
        assertEquals("COMPLETED", states.get(array + "_2"), states::toString);
        assertEquals("CANCELLED", states.get(merge), "the merge must not run over a partial array: " + states);
        assertFalse(Files.exists(out.resolve("merged.csv")));

        byte[] beforeBytes = Files.readAllBytes(shard1);
        int end = beforeBytes.length;
        while (end > 0 && beforeBytes[end - 1] != '\n') {
            end--; // a partial last line, if the kill tore one, is dropped on resume
        }
        byte[] kept = java.util.Arrays.copyOf(beforeBytes, end);
        int keptRows = (int) new String(kept, StandardCharsets.UTF_8).lines().count() - 2; // less stamp and header
        Proc status = kljn(dir, "status", out.toString(), "--json");
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(status.out());
        int left1 = json.get("perShard").get(0).get("left").asInt();
        assertTrue(left1 > 0, "task 1 was cancelled mid-way (it had finished its shard before scancel reached it; "
                + "the test needs a longer shard): " + status.out());
        assertEquals(60 - keptRows, left1, status.out());
        assertEquals(0, json.get("perShard").get(1).get("left").asInt(), status.out());

        Proc resume = kljn(dir, "sweep", spec.toString(), "--out", out.toString(), "--slurm", "2", "--resume");
        assertEquals(0, resume.status(), resume.out() + resume.err());
        assertEquals("1", group(ARRAY_JOB, resume.out(), 2), "only the unfinished shard is resubmitted: " + resume.out());
        String array2 = group(ARRAY_JOB, resume.out(), 1);
        String merge2 = group(MERGE_JOB, resume.out(), 1);
        Map<String, String> states2 = waitForJobs(HANG_GUARD, array2, merge2);
        assertEquals(Map.of(array2 + "_1", "COMPLETED", merge2, "COMPLETED"), states2, () -> uncheckedLogs(out));

        // nothing lost: the rows written before the cancel are still there, byte for byte, and were not redone
        byte[] after = Files.readAllBytes(shard1);
        assertArrayEquals(kept, java.util.Arrays.copyOf(after, kept.length), "rows before the cancel kept");
        assertTrue(Files.readString(out.resolve("logs/shard-1-of-2.job-" + array2 + ".out"))
                .contains("done now (" + keptRows + " earlier)"), uncheckedLogs(out));
        // nothing duplicated: every index once (merge also refuses a repeated point)
        List<String> rows = Files.readAllLines(out.resolve("merged.csv"));
        TreeSet<Integer> indices = new TreeSet<>();
        for (String r : rows.subList(2, rows.size())) { // after the stamp and the header
            assertTrue(indices.add(Integer.parseInt(r.substring(0, r.indexOf(',')))), "point twice: " + r);
        }
        assertEquals(120, rows.size() - 2);
        assertEquals(0, indices.first());
        assertEquals(119, indices.last());
        assertArrayEquals(localReference(dir, spec), Files.readAllBytes(out.resolve("merged.csv")),
                "cancelled, resubmitted and merged: the local run's CSV, byte for byte");
    }

    private static int dataRows(Path csv) throws IOException {
        if (!Files.exists(csv)) {
            return 0;
        }
        byte[] b = Files.readAllBytes(csv);
        int newlines = 0;
        for (byte x : b) {
            if (x == '\n') {
                newlines++;
            }
        }
        return Math.max(0, newlines - 2); // the stamp and the header
    }

    private static String uncheckedLogs(Path out) {
        try {
            return logs(out);
        } catch (IOException e) {
            return "(no logs: " + e + ")";
        }
    }
}
