package org.kljn.sweep.slurm;

import org.kljn.sweep.Shard;
import org.kljn.sweep.SweepStatus;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The two sbatch scripts of a sweep on Slurm.
 *
 * <p>The array script: task i runs {@code kljn sweep SPEC --out DIR --shard i/N --resume}. Always with
 * {@code --resume}, so a task that Slurm requeues ({@code #SBATCH --requeue}: node failure, preemption) or that is
 * resubmitted continues its shard file where it stopped (the file holds every finished row, fsynced). A task whose
 * shard is complete but holds failed points exits 0, so the merge still runs (the rows say why they failed).
 *
 * <p>The merge script runs {@code kljn merge --spec SPEC} over the N shard files into {@code DIR/merged.csv};
 * it is submitted with {@code --dependency=afterok:<array job>} and {@code --kill-on-invalid-dep=yes}, so it
 * runs only when every task succeeded and is cancelled instead of waiting forever when one failed.
 *
 * <p>kljn's jar or class path is called by absolute path, which must be visible on the nodes (a shared file
 * system, as DIR must be); java is the node's ({@code $KLJN_JAVA}, else {@code java} on its PATH). Logs go to
 * {@code DIR/logs}. Every user string in a script is quoted, or refused when it holds a control character.
 *
 * @param array the array script's text
 * @param merge the merge script's text
 */
public record SlurmScripts(String array, String merge) {
    /** The merged result in the sweep folder. */
    public static final String MERGED = "merged.csv";

    /**
     * The scripts.
     *
     * @param spec    the sweep spec (absolute)
     * @param dir     the sweep folder (absolute)
     * @param options the checked options
     * @param tasks   the shard indices to run (all of 1..N, or the unfinished ones on resume), ascending
     * @param isolate pass {@code --isolate} to the tasks
     * @param kljn    the command that runs kljn on a node, as shell words
     */
    public static SlurmScripts of(Path spec, Path dir, SlurmOptions options, List<Integer> tasks, boolean isolate,
                                  List<String> kljn) {
        int n = options.shards();
        refuseInScripts(spec, dir, options);
        kljn.forEach(v -> refuseInScript("kljn's own path", v));
        // the node's java ($KLJN_JAVA, or java on the node's PATH: the submit host's JDK path need not exist there),
        // then $KLJN_JAVA_OPTS (word-split on purpose, as in the kljn launcher), then the rest
        String k = "\"${KLJN_JAVA:-java}\" ${KLJN_JAVA_OPTS:-} "
                + kljn.subList(1, kljn.size()).stream().map(SlurmScripts::quote).collect(Collectors.joining(" "));
        String jobs = options.cpusPerTask().map(String::valueOf).orElse("${SLURM_CPUS_PER_TASK:-1}");
        StringBuilder a = new StringBuilder();
        a.append("#!/bin/bash\n");
        a.append("# kljn sweep on Slurm: array task i runs shard i/").append(n).append(" of ").append(spec.getFileName())
                .append(" into ").append(dir).append(".\n");
        a.append("# Written by `kljn sweep ... --slurm ").append(n).append("`. Every task resumes its shard file, so a requeued\n");
        a.append("# or resubmitted task continues where it stopped; `kljn sweep ... --slurm ").append(n)
                .append(" --resume` resubmits unfinished shards.\n");
        a.append("#SBATCH --job-name=kljn-sweep\n");
        a.append("#SBATCH --array=").append(ranges(tasks)).append('\n');
        a.append("#SBATCH --output=").append(dir.resolve("logs")).append("/shard-%a-of-").append(n).append(".job-%A.out\n");
        a.append("#SBATCH --open-mode=append\n");
        a.append("#SBATCH --requeue\n");
        a.append("#SBATCH --ntasks=1\n");
        options.cpusPerTask().ifPresent(c -> a.append("#SBATCH --cpus-per-task=").append(c).append('\n'));
        common(a, options);
        options.memory().ifPresent(m -> a.append("#SBATCH --mem=").append(m).append('\n'));
        a.append("set -u\n");
        a.append("shard=\"${SLURM_ARRAY_TASK_ID:?not a Slurm array task}\"\n");
        a.append("kljn() { ").append(k).append(" \"$@\"; }\n");
        a.append("echo \"kljn: shard $shard/").append(n).append(" on $(hostname) (job ${SLURM_ARRAY_JOB_ID:-?}_$shard, restart ${SLURM_RESTART_COUNT:-0}) at $(date -u +%FT%TZ)\"\n");
        a.append("kljn sweep ").append(quote(spec.toString())).append(" --out ").append(quote(dir.toString()))
                .append(" --shard \"$shard/").append(n).append("\" --resume --progress never --jobs \"").append(jobs).append('"')
                .append(isolate ? " --isolate" : "").append('\n');
        a.append("status=$?\n");
        a.append("# 1 with every point of the shard written: some points failed (their rows say why); the shard is finished\n");
        a.append("if [ \"$status\" -eq 1 ] && kljn status ").append(quote(dir.toString())).append(" --spec ")
                .append(quote(spec.toString())).append(" --shards ").append(n)
                .append(" --shard \"$shard\" --check >/dev/null; then\n");
        a.append("  status=0\n");
        a.append("fi\n");
        a.append("echo \"kljn: shard $shard/").append(n).append(" exit status $status at $(date -u +%FT%TZ)\"\n");
        a.append("exit \"$status\"\n");

        StringBuilder m = new StringBuilder();
        m.append("#!/bin/bash\n");
        m.append("# kljn sweep on Slurm: merges the ").append(n).append(" shard files of ").append(spec.getFileName())
                .append(" into ").append(dir.resolve(MERGED)).append(".\n");
        m.append("# Submitted with --dependency=afterok:<array job> --kill-on-invalid-dep=yes; `kljn merge --spec`\n");
        m.append("# refuses parts of another sweep and a missing point (an unfinished shard).\n");
        m.append("#SBATCH --job-name=kljn-merge\n");
        m.append("#SBATCH --output=").append(dir.resolve("logs")).append("/merge.job-%j.out\n");
        m.append("#SBATCH --ntasks=1\n");
        common(m, options);
        // merge holds the rows of every shard: the same memory as a task, not the partition's default
        options.memory().ifPresent(mem -> m.append("#SBATCH --mem=").append(mem).append('\n'));
        m.append("set -u\n");
        m.append("kljn() { ").append(k).append(" \"$@\"; }\n");
        m.append("kljn merge --spec ").append(quote(spec.toString()));
        for (int i = 1; i <= n; i++) {
            m.append(" \\\n  ").append(quote(SweepStatus.shardFile(dir, new Shard(i, n)).toString()));
        }
        m.append(" \\\n  --out ").append(quote(dir.resolve(MERGED).toString())).append('\n');
        return new SlurmScripts(a.toString(), m.toString());
    }

    private static void common(StringBuilder b, SlurmOptions o) {
        o.partition().ifPresent(p -> b.append("#SBATCH --partition=").append(p).append('\n'));
        o.time().ifPresent(t -> b.append("#SBATCH --time=").append(t).append('\n'));
        for (String x : o.extraArgs()) {
            b.append("#SBATCH ").append(x).append('\n');
        }
    }

    /** 1,2,3,5,7,8 as {@code 1-3,5,7-8} (sbatch --array's form). */
    static String ranges(List<Integer> tasks) {
        if (tasks.isEmpty()) {
            throw new IllegalArgumentException("no array tasks");
        }
        StringBuilder b = new StringBuilder();
        int start = tasks.get(0);
        int prev = start;
        for (int i = 1; i <= tasks.size(); i++) {
            Integer t = i < tasks.size() ? tasks.get(i) : null;
            if (t != null && t == prev + 1) {
                prev = t;
                continue;
            }
            if (b.length() > 0) {
                b.append(',');
            }
            b.append(start == prev ? Integer.toString(start) : start + "-" + prev);
            if (t != null) {
                start = t;
                prev = t;
            }
        }
        return b.toString();
    }

    /** Checks every user string the scripts will hold ({@link #refuseInScript}), before anything is written. */
    public static void refuseInScripts(Path spec, Path dir, SlurmOptions options) {
        refuseInScript("the sweep spec's path", spec.toString());
        refuseInScript("the sweep folder", dir.toString());
        options.partition().ifPresent(v -> refuseInScript("--partition", v));
        options.time().ifPresent(v -> refuseInScript("--time", v));
        options.memory().ifPresent(v -> refuseInScript("--mem", v));
        options.extraArgs().forEach(v -> refuseInScript("--sbatch-arg", v));
    }

    /**
     * A user's string that enters a script: in a command it is single-quoted ({@link #quote}), but a comment or an
     * {@code #SBATCH} line ends at a newline, and what follows would run as a command (issue 22 item 18): refused.
     */
    static void refuseInScript(String what, String value) {
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                throw new IllegalArgumentException(what + " " + value.replaceAll("\\p{Cntrl}", "?") + ": holds a"
                        + " newline or another control character (at " + i + "), which cannot go into a Slurm"
                        + " script; rename it");
            }
        }
    }

    /** A word for bash: single-quoted unless plainly safe. */
    static String quote(String word) {
        if (word.matches("[A-Za-z0-9_./=:,+@%-]+")) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }

    /**
     * How a node runs this kljn: this JVM's java by absolute path, and kljn's jar (when running from the
     * self-contained command-line jar) or its whole class path, made absolute; {@code -Dkljn.ngspice.library} is
     * passed on when set. Extra JVM options come from {@code $KLJN_JAVA_OPTS} at run time, as in the {@code kljn}
     * launcher.
     */
    public static List<String> kljnCommand(Class<?> main) {
        String java = ProcessHandle.current().info().command()
                .filter(c -> Files.isExecutable(Path.of(c)))
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String classPath;
        try {
            Path source = Path.of(main.getProtectionDomain().getCodeSource().getLocation().toURI());
            classPath = classPath(source, System.getProperty("java.class.path"));
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            throw new IllegalStateException("cannot find kljn's own jar or class path to write into the Slurm scripts", e);
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(java);
        String lib = System.getProperty("kljn.ngspice.library");
        if (lib != null) {
            cmd.add("-Dkljn.ngspice.library=" + lib);
        }
        cmd.add("-cp");
        cmd.add(classPath);
        cmd.add(main.getName());
        return cmd;
    }

    /**
     * The class path for the nodes, every entry absolute and normalised: kljn's jar alone when it is a jar that is not one entry
     * among others ({@code java -jar kljn-cli.jar}, the self-contained command line); otherwise the whole class path
     * (the thin library jar, or the classes folder, beside its dependencies).
     */
    static String classPath(Path source, String javaClassPath) {
        Path jar = source.toAbsolutePath().normalize();
        List<String> entries = new ArrayList<>();
        for (String e : javaClassPath.split(File.pathSeparator)) {
            if (!e.isEmpty()) {
                entries.add(Path.of(e).toAbsolutePath().normalize().toString());
            }
        }
        if (Files.isRegularFile(jar) && !(entries.size() > 1 && entries.contains(jar.toString()))) {
            return jar.toString();
        }
        return String.join(File.pathSeparator, entries);
    }
}
