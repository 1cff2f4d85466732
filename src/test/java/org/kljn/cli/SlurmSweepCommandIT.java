package org.kljn.cli;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code sweep --slurm} without a cluster: the scripts it writes (run here with bash, as Slurm would run them, with
 * the array task id in the environment), option checks before anything is written, {@code kljn status} and
 * {@code merge --spec}. The real submission is SlurmSweepIT's.
 */
@Tag("integration") // 20-30 s: runs in mvn verify (failsafe), not in the fast mvn test
class SlurmSweepCommandIT {
    private static final String SPEC = String.join("\n", "rl: 1k", "rh: 10k", "alice: H, L", "cable: lumped",
            "rc: 100, 300", "bandwidth: 1k", "beta: 1, eq11", "analyses: exact", "");

    private static Path spec(Path dir) throws Exception {
        Path s = dir.resolve("grid.spec");
        Files.writeString(s, SPEC);
        return s;
    }

    /** Runs a generated script with bash, as a Slurm node would (the variables sbatch would set in env). */
    private static int bash(Path script, Map<String, String> env, Path log) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        // the node's java: here this JVM's
        pb.environment().put("KLJN_JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        pb.environment().putAll(env);
        Process p = pb.start();
        assertTrue(p.waitFor(20, TimeUnit.MINUTES), script + " did not end");
        return p.exitValue();
    }

    @Test
    void dryRunWritesScriptsThatRunEachShardAndMergeToTheLocalSweep(@TempDir Path dir) throws Exception {
        Path spec = spec(dir);
        Path out = dir.resolve("cluster");
        RunCommandTest.Result r = RunCommandTest.kljn("sweep", spec.toString(), "--out", out.toString(), "--slurm", "3",
                "--partition", "debug", "--time", "0:30:00", "--mem", "2G", "--sbatch-arg=--account=phys", "--dry-run");
        assertEquals(0, r.status(), r.out() + r.err());
        Path array = out.resolve("slurm/array.sbatch");
        Path merge = out.resolve("slurm/merge.sbatch");
        String a = Files.readString(array);
        String m = Files.readString(merge);
        assertTrue(r.out().contains(a) && r.out().contains(m), "both scripts printed");
        assertTrue(r.out().contains("--dependency=afterok:<array job id> --kill-on-invalid-dep=yes " + merge), r.out());
        for (String line : List.of("#SBATCH --array=1-3", "#SBATCH --requeue", "#SBATCH --open-mode=append",
                "#SBATCH --partition=debug", "#SBATCH --time=0:30:00", "#SBATCH --mem=2G", "#SBATCH --account=phys",
                "#SBATCH --output=" + out.toAbsolutePath() + "/logs/shard-%a-of-3.job-%A.out")) {
            assertTrue(a.lines().anyMatch(line::equals), line + " in\n" + a);
        }
        assertTrue(a.contains("--shard \"$shard/3\" --resume"), "every task resumes its shard: " + a);
        assertTrue(m.contains("#SBATCH --output=" + out.toAbsolutePath() + "/logs/merge.job-%j.out"), m);
        assertTrue(m.lines().anyMatch("#SBATCH --mem=2G"::equals), "the merge holds every shard's rows: " + m);
        // the node's java ($KLJN_JAVA or its PATH), not the submit host's JDK path
        String java = a.lines().filter(l -> l.startsWith("kljn() { ")).findFirst().orElseThrow().split(" ")[2];
        assertEquals("\"${KLJN_JAVA:-java}\"", java);
        assertTrue(r.out().contains("warning: " + out + " is in /tmp, which is local to each machine"), r.out());
        assertFalse(Files.exists(out.resolve("slurm/sweep.json")), "a dry run submits and records nothing");

        // run the scripts as Slurm would, one process per task, in reverse order
        Path log = dir.resolve("tasks.log");
        for (int task = 3; task >= 1; task--) {
            assertEquals(0, bash(array, Map.of("SLURM_ARRAY_TASK_ID", Integer.toString(task)), log), Files.readString(log));
        }
        assertEquals(0, bash(merge, Map.of(), log), Files.readString(log));
        RunCommandTest.Result local = RunCommandTest.kljn("sweep", spec.toString(), "--out", dir.resolve("local.csv").toString(),
                "--jobs", "2", "--progress", "never");
        assertEquals(0, local.status(), local.err());
        assertEquals(SweepCommandIT.sortedRows(dir.resolve("local.csv")), Files.readAllLines(out.resolve("merged.csv")),
                "three shards run by the scripts and merged give the local sweep's rows");

        // a task run again (a requeue) finds its shard finished and changes nothing
        byte[] before = Files.readAllBytes(out.resolve("sweep.shard-2-of-3.csv"));
        assertEquals(0, bash(array, Map.of("SLURM_ARRAY_TASK_ID", "2"), log), Files.readString(log));
        assertEquals(new String(before), Files.readString(out.resolve("sweep.shard-2-of-3.csv")));
        assertTrue(Files.readString(log).contains("0 points of 3 in this shard done now (3 earlier)"), Files.readString(log));
    }

    @Test
    void theTasksReadTheSpecAndItsSubcircuitFromCopiesKeptWithTheJar(@TempDir Path dir) throws Exception {
        // issue 22 item 18: the scripts read the spec (and through it the subckt files) where the user kept them; a
        // spec or line edited, moved or deleted after submission changed or failed the queued tasks
        Path specs = Files.createDirectories(dir.resolve("specs"));
        Path lines = Files.createDirectories(dir.resolve("lines"));
        Files.writeString(lines.resolve("pi.lib"), String.join("\n", ".subckt pi in out", "R1 in m 50",
                "C1 m 0 10n", "R2 m out 50", ".ends pi", ""));
        Path spec = specs.resolve("line.spec");
        Files.writeString(spec, String.join("\n", "rl: 1k", "rh: 10k", "cable: subckt", "subckt: ../lines/pi.lib pi",
                "bandwidth: 1k, 2k", "beta: 1, null", "analyses: exact", ""));
        RunCommandTest.Result local = RunCommandTest.kljn("sweep", spec.toString(), "--out",
                dir.resolve("local.csv").toString(), "--jobs", "2", "--progress", "never");
        assertEquals(0, local.status(), local.out() + local.err());
        Path out = dir.resolve("cluster");
        RunCommandTest.Result r = RunCommandTest.kljn("sweep", spec.toString(), "--out", out.toString(), "--slurm", "2",
                "--dry-run");
        assertEquals(0, r.status(), r.out() + r.err());
        String a = Files.readString(out.resolve("slurm/array.sbatch"));
        String m = Files.readString(out.resolve("slurm/merge.sbatch"));
        assertFalse(a.contains(spec.toString()) || m.contains(spec.toString()), "the original spec is not read:\n" + a + m);

        // the originals go (and a file of the same name with other content appears) before any task runs
        Files.move(spec, dir.resolve("moved.spec"));
        Files.writeString(lines.resolve("pi.lib"), String.join("\n", ".subckt pi in out", "R1 in out 5k", ".ends pi", ""));
        Path log = dir.resolve("tasks.log");
        for (int task = 1; task <= 2; task++) {
            assertEquals(0, bash(out.resolve("slurm/array.sbatch"), Map.of("SLURM_ARRAY_TASK_ID", Integer.toString(task)),
                    log), Files.readString(log));
        }
        assertEquals(0, bash(out.resolve("slurm/merge.sbatch"), Map.of(), log), Files.readString(log));
        assertEquals(SweepCommandIT.sortedRows(dir.resolve("local.csv")), Files.readAllLines(out.resolve("merged.csv")),
                "the tasks ran the spec and line as they were at submission");

        // an absolute subckt path cannot be carried with the spec's text unchanged: refused before anything is written
        Path abs = specs.resolve("abs.spec");
        Files.writeString(abs, String.join("\n", "rl: 1k", "rh: 10k", "cable: subckt",
                "subckt: " + lines.resolve("pi.lib") + " pi", "bandwidth: 1k", "beta: 1", "analyses: exact", ""));
        RunCommandTest.Result refused = RunCommandTest.kljn("sweep", abs.toString(), "--out",
                dir.resolve("cluster2").toString(), "--slurm", "1", "--dry-run");
        assertEquals(1, refused.status(), refused.out() + refused.err());
        assertTrue(refused.err().contains("--slurm: the spec's subckt file '" + lines.resolve("pi.lib")
                + "' is an absolute path"), refused.err());
        assertFalse(Files.exists(dir.resolve("cluster2").resolve("slurm").resolve("array.sbatch")));
    }

    @Test
    void aShardWithFailedPointsStillLetsTheMergeRun(@TempDir Path dir) throws Exception {
        // a point that fails at run time (ngspice rejects its line model's unknown subcircuit; --isolate runs it in a
        // child JVM and records the point as failed); the task still exits 0, its shard being finished
        Files.writeString(dir.resolve("crash.lib"), String.join("\n", ".subckt crasher in out", "R1 in out 100",
                "X1 out 0 nosuchline", ".ends crasher", ".subckt fine in out", "R1 in out 100",
                ".ends fine", ""));
        Path spec = dir.resolve("iso.spec");
        Files.writeString(spec, String.join("\n", "rl: 1k", "rh: 10k", "cable: subckt",
                "subckt: crash.lib crasher, crash.lib fine", "bandwidth: 1k", "beta: 1", "analyses: exact", ""));
        Path out = dir.resolve("cluster");
        RunCommandTest.Result r = RunCommandTest.kljn("sweep", spec.toString(), "--out", out.toString(), "--slurm", "2",
                "--isolate", "--dry-run");
        assertEquals(0, r.status(), r.out() + r.err());
        Path log = dir.resolve("tasks.log");
        for (int task = 1; task <= 2; task++) {
            assertEquals(0, bash(out.resolve("slurm/array.sbatch"), Map.of("SLURM_ARRAY_TASK_ID", Integer.toString(task)), log),
                    Files.readString(log));
        }
        assertTrue(Files.readString(log).contains("1 failed"), Files.readString(log));
        assertEquals(0, bash(out.resolve("slurm/merge.sbatch"), Map.of(), log), Files.readString(log));
        List<String> merged = Files.readAllLines(out.resolve("merged.csv"));
        assertEquals(4, merged.size(), "stamp, header, two points: " + merged);
        assertTrue(merged.get(2).contains(",failed,") && merged.get(3).endsWith(",ok,"), merged.toString());

        RunCommandTest.Result status = RunCommandTest.kljn("status", out.toString(), "--spec", spec.toString(), "--check");
        assertEquals(0, status.status(), status.out() + status.err());
        assertTrue(status.out().contains("2 points in 2 shards: 1 done, 1 failed, 0 left"), status.out());
    }

    @Test
    void badOptionsAreRefusedBeforeAnythingIsWritten(@TempDir Path dir) throws Exception {
        Path spec = spec(dir); // 8 points
        Path out = dir.resolve("cluster");
        String[][] cases = {
                {"--slurm", "9"}, {"--slurm", "0"}, {"--slurm", "2", "--time", "1:75"}, {"--slurm", "2", "--mem", "4GB"},
                {"--slurm", "2", "--partition", "a;b"}, {"--slurm", "2", "--sbatch-arg=--array=1-9"},
                {"--slurm", "2", "--shard", "1/2"}, {"--time", "10"}, {"--dry-run"}, {"--slurm", "2", "--resume", "--jobs", "0"},
        };
        String[] names = {"--slurm", "--slurm", "--time", "--mem", "--partition", "--sbatch-arg", "--shard", "--time",
                "--dry-run", "--jobs"};
        for (int i = 0; i < cases.length; i++) {
            List<String> args = new java.util.ArrayList<>(List.of("sweep", spec.toString(), "--out", out.toString(),
                    "--progress", "never"));
            args.addAll(List.of(cases[i]));
            RunCommandTest.Result r = RunCommandTest.kljn(args.toArray(String[]::new));
            assertEquals(1, r.status(), String.join(" ", cases[i]) + ": " + r.out() + r.err());
            assertTrue(r.err().contains(names[i] + ": ") || r.err().contains(names[i] + " "), String.join(" ", cases[i]) + ": " + r.err());
            assertFalse(Files.exists(out), String.join(" ", cases[i]) + " wrote " + out);
        }
        // a file, not a folder; a folder name that #SBATCH lines cannot hold; a folder that cannot be written
        for (String bad : List.of(dir.resolve("all.csv").toString(), dir.resolve("with space").toString(),
                dir.resolve("pct%d").toString())) {
            RunCommandTest.Result r = RunCommandTest.kljn("sweep", spec.toString(), "--out", bad, "--slurm", "2", "--dry-run");
            assertEquals(1, r.status(), bad);
            assertTrue(r.err().contains("--out: "), r.err());
            assertFalse(Files.exists(Path.of(bad)), bad);
        }
        Path locked = Files.createDirectory(dir.resolve("locked"));
        assertTrue(locked.toFile().setWritable(false, false));
        try {
            if (!Files.isWritable(locked)) { // root writes anywhere: then there is nothing to refuse
                RunCommandTest.Result r = RunCommandTest.kljn("sweep", spec.toString(), "--out", locked.resolve("c").toString(),
                        "--slurm", "2", "--dry-run");
                assertEquals(1, r.status());
                assertTrue(r.err().contains("not writable"), r.err());
            }
        } finally {
            locked.toFile().setWritable(true, false);
        }
    }

    @Test
    void aFolderWithASweepIsNotOverwrittenAndResumeNeedsTheSameSplit(@TempDir Path dir) throws Exception {
        Path spec = spec(dir);
        Path out = dir.resolve("cluster");
        assertEquals(0, RunCommandTest.kljn("sweep", spec.toString(), "--out", out.toString(), "--shard", "1/2",
                "--progress", "never").status());
        RunCommandTest.Result again = RunCommandTest.kljn("sweep", spec.toString(), "--out", out.toString(), "--slurm", "2",
                "--dry-run");
        assertEquals(1, again.status());
        assertTrue(again.err().contains("already holds a sweep") && again.err().contains("--resume"), again.err());
        RunCommandTest.Result other = RunCommandTest.kljn("sweep", spec.toString(), "--out", out.toString(), "--slurm", "4",
                "--resume", "--dry-run");
        assertEquals(1, other.status());
        assertTrue(other.err().contains("split into [2]") && other.err().contains("--slurm 2"), other.err());
        // resume: only shard 2 is left
        RunCommandTest.Result resume = RunCommandTest.kljn("sweep", spec.toString(), "--out", out.toString(), "--slurm", "2",
                "--resume", "--dry-run");
        assertEquals(0, resume.status(), resume.err());
        assertTrue(resume.out().contains("#SBATCH --array=2\n"), resume.out());

        RunCommandTest.Result status = RunCommandTest.kljn("status", out.toString(), "--spec", spec.toString());
        assertEquals(0, status.status(), status.err());
        assertTrue(status.out().contains("8 points in 2 shards: 4 done, 0 failed, 4 left"), status.out());
        assertTrue(status.out().lines().anyMatch(l -> l.matches("\\s+2/2\\s+4\\s+0\\s+0\\s+4\\s+not started")), status.out());
        RunCommandTest.Result check = RunCommandTest.kljn("status", out.toString(), "--spec", spec.toString(), "--check");
        assertEquals(1, check.status(), "--check: points are left");
        assertEquals(0, RunCommandTest.kljn("status", out.toString(), "--spec", spec.toString(), "--check", "--shard", "1")
                .status(), "shard 1 is finished");

        // merge --spec refuses the partial sweep (a missing shard), naming the missing points, and writes nothing
        RunCommandTest.Result merge = RunCommandTest.kljn("merge", "--spec", spec.toString(),
                out.resolve("sweep.shard-1-of-2.csv").toString(), "--out", out.resolve("merged.csv").toString());
        assertEquals(1, merge.status());
        assertTrue(merge.err().contains("4 of 8 points") && merge.err().contains("[1, 3, 5, 7]"), merge.err());
        assertFalse(Files.exists(out.resolve("merged.csv")));
        // ... and a part of another sweep
        Path otherSpec = dir.resolve("other.spec");
        Files.writeString(otherSpec, SPEC.replace("rc: 100, 300", "rc: 100, 400"));
        RunCommandTest.Result foreign = RunCommandTest.kljn("merge", "--spec", otherSpec.toString(),
                out.resolve("sweep.shard-1-of-2.csv").toString(), "--out", out.resolve("merged.csv").toString());
        assertEquals(1, foreign.status());
        assertTrue(foreign.err().contains("has key") && foreign.err().contains("another sweep"), foreign.err());
    }

    @Test
    void userStringsCannotInjectCommandsIntoTheScripts(@TempDir Path dir) throws Exception {
        // issue 22 item 18: a newline in the spec's name ended the script's comment line and ran what followed
        Path mark = dir.resolve("injected");
        String spec8 = Files.readString(spec(dir));
        Path newline = dir.resolve("a\ntouch injected\n.spec");
        Files.writeString(newline, spec8);
        RunCommandTest.Result r = RunCommandTest.kljn("sweep", newline.toString(), "--out", dir.resolve("c1").toString(),
                "--slurm", "2", "--dry-run");
        assertEquals(1, r.status(), r.out() + r.err());
        assertTrue(r.err().contains("the sweep spec's path") && r.err().contains("holds a newline"), r.err());
        assertFalse(Files.exists(dir.resolve("c1/slurm")), "nothing written");
        RunCommandTest.Result arg = RunCommandTest.kljn("sweep", spec(dir).toString(), "--out",
                dir.resolve("c2").toString(), "--slurm", "2", "--partition", "debug\ntouch " + mark, "--dry-run");
        assertTrue(arg.status() != 0 && arg.err().contains("--partition"), arg.out() + arg.err());
        assertFalse(Files.exists(dir.resolve("c2/slurm")), "nothing written");
        // $(...), backquotes and quotes in the spec's name are quoted (--out refuses them itself): the scripts run and
        // nothing is executed from a name
        Path odd = Files.createDirectories(dir.resolve("it's $(touch " + mark + ") `touch " + mark + "`"));
        Path spec = odd.resolve("s \"q\".spec");
        Files.writeString(spec, spec8);
        Path out = dir.resolve("c3");
        RunCommandTest.Result ok = RunCommandTest.kljn("sweep", spec.toString(), "--out", out.toString(), "--slurm", "2",
                "--dry-run");
        assertEquals(0, ok.status(), ok.out() + ok.err());
        Path log = dir.resolve("odd.log");
        for (int task = 1; task <= 2; task++) {
            assertEquals(0, bash(out.resolve("slurm/array.sbatch"), Map.of("SLURM_ARRAY_TASK_ID", Integer.toString(task)),
                    log), Files.readString(log));
        }
        assertEquals(0, bash(out.resolve("slurm/merge.sbatch"), Map.of(), log), Files.readString(log));
        assertTrue(Files.exists(out.resolve("merged.csv")));
        assertFalse(Files.exists(mark), "a name ran as a command");
    }
}
