package org.kljn.sweep.slurm;

import org.kljn.io.AtomicFiles;
import org.kljn.sweep.KljnEvaluator;
import org.kljn.sweep.SweepSpec;
import org.kljn.sweep.SweepStatus;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * {@code kljn sweep SPEC --out DIR --slurm N}: writes the array and merge scripts into {@code DIR/slurm}, submits
 * them (or, with {@code --dry-run}, prints them), and records the job ids in {@code DIR/slurm/sweep.json}.
 * Everything is checked before anything is written: the options, the folder, sbatch being there, and on
 * {@code --resume} that the folder holds this sweep split the same way and that no earlier task still runs.
 */
public final class SlurmSweep {
    private SlurmSweep() {
    }

    /** Folders that are each machine's own, not shared with the nodes. */
    private static final List<Path> NODE_LOCAL = List.of(Path.of("/tmp"), Path.of("/var/tmp"), Path.of("/dev/shm"),
            Path.of("/run"));

    /**
     * One {@code --slurm} submission.
     *
     * @param main the command line's main class: the nodes run the jar (or class path) it was loaded from
     */
    public record Request(Path spec, Path out, SweepSpec sweep, SlurmOptions options, boolean resume, boolean isolate,
                          boolean dryRun, Class<?> main) {
    }

    public static int run(Request r, PrintWriter out) throws IOException {
        Path spec = r.spec().toAbsolutePath().normalize();
        Path dir = checkFolder(r.out());
        int n = r.options().shards();
        if (!r.dryRun()) {
            checkPrograms(r.resume());
        }
        List<String> columns = KljnEvaluator.columns(r.sweep());
        Optional<SlurmManifest> manifest = SlurmManifest.read(dir);
        Plan plan = r.resume() ? resumePlan(r, spec, dir, manifest, columns) : freshPlan(n, dir, manifest);
        List<Integer> tasks = plan.tasks();
        Path merged = dir.resolve(SlurmScripts.MERGED);
        if (tasks.isEmpty() && Files.exists(merged)) {
            out.printf("all %d shards of %s are finished and merged: %s%n", n, spec.getFileName(), merged);
            return 0;
        }

        SlurmScripts.refuseInScripts(spec, dir, r.options());
        warnIfNodeLocal(dir, out);
        // checked: now write
        Files.createDirectories(dir.resolve("logs"));
        List<String> kljn = kljnCommand(r.main(), dir, out);
        // the tasks and the merge read the spec and its subckt files from copies kept with the jar
        Path specCopy = SpecCopy.carry(spec, r.sweep(), dir.resolve("slurm"));
        SlurmScripts scripts = SlurmScripts.of(specCopy, dir, r.options(), tasks.isEmpty() ? List.of(1) : tasks,
                r.isolate(), kljn);
        Path arrayScript = dir.resolve("slurm").resolve("array.sbatch");
        Path mergeScript = dir.resolve("slurm").resolve("merge.sbatch");
        if (!tasks.isEmpty()) {
            AtomicFiles.writeString(arrayScript, scripts.array());
        }
        AtomicFiles.writeString(mergeScript, scripts.merge());
        String range = tasks.isEmpty() ? "" : arrayRange(scripts.array());
        if (r.dryRun()) {
            printDryRun(scripts, arrayScript, mergeScript, !tasks.isEmpty(), out);
            return 0;
        }
        for (String m : plan.staleMerges()) {
            // its array failed or was cancelled: it would never run (or run too early); the new one replaces it
            Sbatch.cancel(m);
        }
        SlurmManifest.Submission submitted = submit(arrayScript, mergeScript, !tasks.isEmpty(), range);
        SlurmManifest m = manifest.orElse(new SlurmManifest(spec.toString(), r.sweep().size(), n, List.of()))
                .with(submitted);
        m.write(dir);
        if (!tasks.isEmpty()) {
            out.printf("array job %s: shards %s of %d (%s, %d points) -> %s%n", submitted.arrayJob(), range, n,
                    spec.getFileName(), r.sweep().size(), dir);
            out.printf("merge job %s: after array job %s succeeds -> %s%n", submitted.mergeJob(), submitted.arrayJob(),
                    merged);
        } else {
            out.printf("all %d shards are finished; merge job %s -> %s%n", n, submitted.mergeJob(), merged);
        }
        out.printf("logs: %s; progress: kljn status %s%n", dir.resolve("logs"), dir);
        return 0;
    }

    /**
     * What this submission runs.
     *
     * @param tasks       the shards (1-based) still to run; empty when all are finished
     * @param staleMerges earlier merge jobs still queued, whose array failed or was cancelled
     */
    private record Plan(List<Integer> tasks, List<String> staleMerges) {
    }

    /** The Slurm programs a submission calls (squeue too on --resume) must be on the PATH. */
    private static void checkPrograms(boolean resume) {
        for (String program : resume ? List.of("sbatch", "squeue", "scancel") : List.of("sbatch", "scancel")) {
            if (!Sbatch.onPath(program)) {
                throw new IllegalArgumentException("--slurm: '" + program + "' is not on the PATH; submit from a"
                        + " Slurm login node, or use --dry-run to only write the scripts");
            }
        }
    }

    /** A new sweep: the folder must hold none yet; every shard runs. */
    private static Plan freshPlan(int n, Path dir, Optional<SlurmManifest> manifest) throws IOException {
        TreeSet<Integer> splits = SweepStatus.shardCounts(dir);
        if (manifest.isPresent() || !splits.isEmpty()) {
            throw new IllegalArgumentException("--out: " + dir + " already holds a sweep ("
                    + (manifest.isPresent() ? "submitted " + manifest.get().submissions().size() + " time(s), "
                    + manifest.get().shards() + " shards" : "shard files of a split into " + splits)
                    + "); continue it with --resume, or choose another folder");
        }
        return new Plan(IntStream.rangeClosed(1, n).boxed().toList(), List.of());
    }

    /**
     * {@code --resume}: the folder must hold this spec's sweep split the same way, and (unless a dry run) no earlier
     * array job may still be queued or running; the unfinished shards run again.
     */
    private static Plan resumePlan(Request r, Path spec, Path dir, Optional<SlurmManifest> manifest,
                                   List<String> columns) throws IOException {
        int n = r.options().shards();
        TreeSet<Integer> splits = SweepStatus.shardCounts(dir);
        if (manifest.isPresent()) {
            SlurmManifest m = manifest.get();
            if (!m.spec().equals(spec.toString()) || m.shards() != n || m.points() != r.sweep().size()) {
                throw new IllegalArgumentException("--resume: " + dir + " holds the sweep of " + m.spec() + " ("
                        + m.points() + " points) in " + m.shards() + " shards, not " + spec + " (" + r.sweep().size()
                        + " points) in " + n + "; resume it with the same spec and --slurm " + m.shards());
            }
        }
        if (splits.stream().anyMatch(c -> c != n)) {
            throw new IllegalArgumentException("--resume: " + dir + " holds shard files of a split into " + splits
                    + ", not " + n + "; resume with --slurm " + splits.first());
        }
        SweepStatus status = SweepStatus.read(dir, r.sweep(), columns, n);
        List<String> staleMerges = new ArrayList<>();
        if (!r.dryRun() && manifest.isPresent()) {
            for (SlurmManifest.Submission s : manifest.get().submissions()) {
                List<String> running = s.arrayJob().isEmpty() ? List.of() : Sbatch.queued(s.arrayJob());
                if (!running.isEmpty()) {
                    throw new IllegalArgumentException("--resume: array job " + s.arrayJob() + " of this sweep is"
                            + " still queued or running (" + String.join(", ", running) + "); wait for it, or"
                            + " 'scancel " + s.arrayJob() + "', then resume");
                }
                if (!Sbatch.queued(s.mergeJob()).isEmpty()) {
                    staleMerges.add(s.mergeJob());
                }
            }
        }
        return new Plan(status.unfinished(), staleMerges);
    }

    /** Warns when the sweep folder is in a folder each machine has its own of: the nodes would not see it. */
    private static void warnIfNodeLocal(Path dir, PrintWriter out) {
        for (Path p : List.of(dir)) {
            if (NODE_LOCAL.stream().anyMatch(local -> p.toAbsolutePath().normalize().startsWith(local))) {
                out.printf("warning: %s is in %s, which is local to each machine: the nodes will not see this one's"
                        + " files (nor it theirs); put the sweep folder on a file system the nodes share%n",
                        p, NODE_LOCAL.stream().filter(l -> p.toAbsolutePath().normalize().startsWith(l)).findFirst()
                                .orElseThrow());
            }
        }
    }

    /**
     * The command the tasks run kljn with. When kljn runs from a jar, the tasks run a copy of it kept in
     * {@code DIR/slurm} (copied atomically the first time; a note when this build differs from it).
     */
    private static List<String> kljnCommand(Class<?> main, Path dir, PrintWriter out) throws IOException {
        List<String> kljn = new ArrayList<>(SlurmScripts.kljnCommand(main));
        int cp = kljn.indexOf("-cp") + 1;
        Path jar = Path.of(kljn.get(cp));
        if (kljn.get(cp).endsWith(".jar") && Files.isRegularFile(jar)) {
            // the tasks run a copy of this jar kept with the sweep: a rebuild (the kljn launcher rebuilds when the
            // sources change) cannot change the code under a running or resumed array, and the nodes see DIR anyway
            Path copy = dir.resolve("slurm").resolve("kljn-cli.jar");
            if (!Files.exists(copy)) {
                Files.createDirectories(copy.getParent());
                Path tmp = Files.createTempFile(copy.getParent(), ".kljn-cli.jar.", ".tmp");
                try {
                    Files.copy(jar, tmp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    Files.move(tmp, copy, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                } finally {
                    Files.deleteIfExists(tmp);
                }
            } else if (Files.mismatch(copy, jar) != -1) {
                out.printf("note: %s (the kljn this sweep started with) differs from %s; the tasks keep running the"
                        + " sweep's copy (remove it to run the new build)%n", copy, jar);
            }
            kljn.set(cp, copy.toString());
        }
        return kljn;
    }

    /** {@code --dry-run}: prints the scripts written and the sbatch commands a submission would run. */
    private static void printDryRun(SlurmScripts scripts, Path arrayScript, Path mergeScript, boolean array,
                                    PrintWriter out) {
        if (array) {
            out.println("==> " + arrayScript + " <==");
            out.print(scripts.array());
            out.println();
        }
        out.println("==> " + mergeScript + " <==");
        out.print(scripts.merge());
        out.println();
        out.println("dry run: nothing submitted; kljn would run");
        if (array) {
            out.println("  sbatch --parsable " + arrayScript);
            out.println("  sbatch --parsable --dependency=afterok:<array job id> --kill-on-invalid-dep=yes " + mergeScript);
        } else {
            out.println("  sbatch --parsable " + mergeScript);
        }
    }

    /**
     * Submits the array job (when shards remain) and the merge job after it; if the merge cannot be submitted the
     * array job is cancelled again.
     */
    private static SlurmManifest.Submission submit(Path arrayScript, Path mergeScript, boolean array, String range)
            throws IOException {
        String arrayJob = "";
        String mergeJob;
        if (array) {
            arrayJob = Sbatch.submit(arrayScript, List.of());
            try {
                mergeJob = Sbatch.submit(mergeScript, List.of("--dependency=afterok:" + arrayJob, "--kill-on-invalid-dep=yes"));
            } catch (IOException e) {
                Sbatch.cancel(arrayJob);
                throw new IOException(e.getMessage() + " (array job " + arrayJob + " cancelled again)", e);
            }
        } else {
            mergeJob = Sbatch.submit(mergeScript, List.of());
        }
        return new SlurmManifest.Submission(arrayJob, mergeJob, range,
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    }

    private static String arrayRange(String arrayScript) {
        return arrayScript.lines().filter(l -> l.startsWith("#SBATCH --array=")).findFirst().orElseThrow()
                .substring("#SBATCH --array=".length());
    }

    /**
     * The sweep folder, absolute: a folder (not a .csv file), with a name that fits #SBATCH lines and Slurm's log
     * patterns, that exists and is writable or can be created.
     */
    static Path checkFolder(Path out) {
        Path dir = out.toAbsolutePath().normalize();
        String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
        if (Files.isRegularFile(dir) || name.endsWith(".csv")) {
            throw new IllegalArgumentException("--out: '" + out + "' is a file; with --slurm, --out names a folder (the"
                    + " shard files, logs, scripts and merged.csv go in it)");
        }
        if (!dir.toString().matches("[A-Za-z0-9_./+,:@=-]+")) {
            throw new IllegalArgumentException("--out: '" + dir + "' has a character that #SBATCH lines or Slurm's log"
                    + " file patterns cannot hold (space, %, quote, $, ...); allowed: letters, digits and _ . / + , : @ = -");
        }
        Path existing = dir;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null || !Files.isDirectory(existing)) {
            throw new IllegalArgumentException("--out: '" + out + "': " + existing + " is not a folder");
        }
        if (!Files.isWritable(existing)) {
            throw new IllegalArgumentException("--out: '" + out + "': " + (existing.equals(dir) ? "the folder" : existing)
                    + " is not writable");
        }
        return dir;
    }
}
