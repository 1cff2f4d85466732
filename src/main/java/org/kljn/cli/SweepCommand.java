package org.kljn.cli;

import org.kljn.ngspice.NgSpicePool;
import org.kljn.sweep.KljnEvaluator;
import org.kljn.sweep.Shard;
import org.kljn.sweep.SweepRunner;
import org.kljn.sweep.SweepSpec;
import org.kljn.sweep.slurm.SlurmOptions;
import org.kljn.sweep.slurm.SlurmSweep;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code kljn sweep SPEC --out FILE|DIR}: a parameter grid through the ngspice instance pool, resumable. */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = {"Run a parameter sweep (spec format: see netlists/*.spec and docs/sweeps.md).",
                "One CSV row per point, written as points finish; --resume continues a killed sweep;",
                "--shard i/n runs a disjoint part (merge the parts with 'kljn merge');",
                "--slurm N submits a Slurm job array of N shards and a merge job (see 'kljn status DIR')."})
public final class SweepCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SPEC", description = "the sweep spec file")
    Path spec;

    @Mixin
    SweepOptions sweep;

    @picocli.CommandLine.Option(names = "--isolate",
            description = "run each point in a child JVM, so that a native crash in ngspice fails only that point")
    boolean isolate;

    @picocli.CommandLine.Option(names = "--slurm", paramLabel = "N",
            description = "submit to Slurm as a job array of N shards plus a merge job that depends on it (--out is a folder)")
    Integer slurm;

    @picocli.CommandLine.Option(names = "--partition", paramLabel = "P", description = "with --slurm: sbatch --partition")
    String partition;

    @picocli.CommandLine.Option(names = "--time", paramLabel = "T",
            description = "with --slurm: time limit per task (sbatch --time: MINUTES, H:MM:SS, D-HH:MM:SS, ...)")
    String time;

    @picocli.CommandLine.Option(names = "--mem", paramLabel = "M",
            description = "with --slurm: memory per task (sbatch --mem: megabytes, or with a K, M, G, T suffix)")
    String mem;

    @picocli.CommandLine.Option(names = "--sbatch-arg", paramLabel = "ARG",
            description = "with --slurm: one more sbatch option for both jobs, e.g. --sbatch-arg=--account=phys (repeatable)")
    java.util.List<String> sbatchArgs = new java.util.ArrayList<>();

    @picocli.CommandLine.Option(names = "--dry-run", description = "with --slurm: write and print the scripts, submit nothing")
    boolean dryRun;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec cmd;

    @Override
    public Integer call() throws Exception {
        if (slurm == null) {
            for (var given : java.util.Map.of("--partition", partition != null, "--time", time != null, "--mem", mem != null,
                    "--sbatch-arg", !sbatchArgs.isEmpty(), "--dry-run", dryRun).entrySet()) {
                if (given.getValue()) {
                    throw new IllegalArgumentException(given.getKey() + " needs --slurm N (it is an option of the Slurm submission)");
                }
            }
        } else if (!sweep.shardOption().equals("1/1")) {
            throw new IllegalArgumentException("--shard: not with --slurm (array task i runs shard i/N itself); got --shard "
                    + sweep.shardOption() + " --slurm " + slurm);
        }
        SweepSpec s = SweepSpec.read(spec);
        if (slurm != null) {
            SlurmOptions o = SlurmOptions.of(slurm, s.size(), partition, time, mem, sweep.jobsOption(), sbatchArgs);
            java.io.PrintWriter w = cmd.commandLine().getOut();
            int status = SlurmSweep.run(new SlurmSweep.Request(spec, sweep.out(), s, o, sweep.resume(), isolate, dryRun,
                    Main.class), w);
            w.flush();
            return status;
        }
        SweepRunner.Options options = sweep.options();
        Path out = resultsFile(sweep.out(), options.shard());
        // the pool is capped by the points and the cores: each instance is a 7.6 MB copy of the library, and
        // ngspice is CPU-bound
        int cores = Runtime.getRuntime().availableProcessors();
        int jobs = Math.max(1, Math.min(options.jobs(), Math.min(s.size(), cores)));
        if (jobs < options.jobs()) {
            cmd.commandLine().getErr().println("kljn sweep: --jobs " + options.jobs() + " capped at " + jobs + " ("
                    + s.size() + " points, " + cores + " cores)");
        }
        options = options.withJobs(jobs);
        org.kljn.sweep.IsolatedEvaluator isolated = isolate ? new org.kljn.sweep.IsolatedEvaluator(spec, jobs) : null;
        try (NgSpicePool pool = isolate ? null : NgSpicePool.of(jobs); AutoCloseable workers = isolated) {
            java.util.function.Function<org.kljn.sweep.SweepPoint, java.util.Map<String, Object>> evaluator =
                    isolate ? isolated : new KljnEvaluator(pool);
            SweepRunner runner = SweepRunner.create(s, KljnEvaluator.columns(s), evaluator, out, options);
            // SIGTERM / Ctrl-C: finished rows are already on disk; stop the workers so that no partial point is
            // written, then let the JVM exit
            Thread hook = new Thread(() -> {
                try {
                    runner.stopAndWait(java.time.Duration.ofSeconds(20));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "kljn-sweep-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            SweepRunner.Summary summary;
            try {
                summary = runner.run();
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // the hook is running: it stops the runner
                }
            }
            cmd.commandLine().getOut().printf("%s: %d points of %d in this shard done now (%d earlier), %d failed%s -> %s%n",
                    spec.getFileName(), summary.ok() + summary.failed(), summary.selected(), summary.alreadyDone(),
                    summary.failed(), summary.stopped() ? ", stopped early (run again with --resume)" : "", out);
            cmd.commandLine().getOut().flush();
            if (summary.stopped()) {
                return 130;
            }
            return summary.failed() > 0 ? 1 : 0;
        }
    }

    /** --out names the CSV, or a folder that gets sweep.csv (sweep.shard-i-of-n.csv for a shard). */
    static Path resultsFile(Path out, Shard shard) {
        boolean folder = Files.isDirectory(out) || !out.getFileName().toString().contains(".");
        if (!folder) {
            return out;
        }
        return org.kljn.sweep.SweepStatus.shardFile(out, shard);
    }
}
