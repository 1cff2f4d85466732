package org.kljn.cli;

import org.kljn.output.StatusOutput;
import org.kljn.sweep.KljnEvaluator;
import org.kljn.sweep.SweepSpec;
import org.kljn.sweep.SweepStatus;
import org.kljn.sweep.slurm.SlurmManifest;
import org.kljn.sweep.slurm.SlurmScripts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.Callable;

/**
 * {@code kljn status DIR}: points done, failed and left per shard of a sharded sweep, read from the shard files
 * alone (Slurm need not be there). The spec and the shard count come from {@code DIR/slurm/sweep.json} (written
 * by {@code sweep --slurm}), or from {@code --spec} and the shard files' names.
 */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Points done, failed and left per shard of a sweep folder, from its shard files.",
                "Exit status 0; with --check, 1 while points are left."})
public final class StatusCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DIR", description = "the sweep folder (kljn sweep --out DIR)")
    Path dir;

    @Option(names = "--spec", paramLabel = "SPEC", description = "the sweep's spec (default: the one recorded by sweep --slurm)")
    Path specFile;

    @Option(names = "--shards", paramLabel = "N", description = "how many shards (default: recorded, or from the file names)")
    Integer shardCount;

    @Option(names = "--shard", paramLabel = "I", description = "only shard I")
    Integer only;

    @Option(names = "--check", description = "exit status 1 while points are left (in --shard I, or anywhere)")
    boolean check;

    @Mixin
    Json json;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec cmd;

    @Override
    public Integer call() throws Exception {
        dir = dir.toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("status: '" + dir + "' is not a folder; expected a sweep folder (kljn sweep --out DIR)");
        }
        Optional<SlurmManifest> manifest = SlurmManifest.read(dir);
        Path specPath = specFile != null ? specFile : manifest.map(m -> Path.of(m.spec())).orElseThrow(() ->
                new IllegalArgumentException("status: " + dir + " has no " + SlurmManifest.file(dir).getFileName()
                        + " (it was not submitted with --slurm): give the sweep's spec with --spec SPEC"));
        SweepSpec spec = SweepSpec.read(specPath);
        int n;
        if (shardCount != null) {
            n = shardCount;
        } else if (manifest.isPresent()) {
            n = manifest.get().shards();
        } else {
            TreeSet<Integer> counts = SweepStatus.shardCounts(dir);
            if (counts.size() != 1) {
                throw new IllegalArgumentException("status: " + dir + (counts.isEmpty() ? " holds no shard files"
                        : " holds shard files of splits into " + counts) + "; give the shard count with --shards N");
            }
            n = counts.first();
        }
        if (n < 1 || n > spec.size()) {
            throw new IllegalArgumentException("--shards: " + n + "; allowed: 1 to " + spec.size() + " (the sweep's points)");
        }
        if (only != null && (only < 1 || only > n)) {
            throw new IllegalArgumentException("--shard: " + only + "; allowed: 1 to " + n);
        }
        SweepStatus status = SweepStatus.read(dir, spec, KljnEvaluator.columns(spec), n);
        List<SweepStatus.ShardStatus> shown = status.shards().stream()
                .filter(s -> only == null || s.shard().index() == only).toList();
        Path merged = dir.resolve(SlurmScripts.MERGED);
        StatusOutput result = StatusOutput.of(status, shown, specPath,
                Files.exists(merged) ? Optional.of(merged) : Optional.empty(), manifest);
        PrintWriter out = cmd.commandLine().getOut();
        if (json.enabled()) {
            out.println(Json.stdout(result));
        } else {
            result.print(out);
        }
        out.flush();
        if (check && shown.stream().anyMatch(s -> s.left() > 0)) {
            return 1;
        }
        return 0;
    }
}
