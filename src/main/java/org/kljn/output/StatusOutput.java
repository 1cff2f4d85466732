package org.kljn.output;

import org.kljn.sweep.SweepStatus;
import org.kljn.sweep.slurm.SlurmManifest;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * {@code kljn status}'s result: a sharded sweep's points done, failed and left, per shard, and its Slurm
 * submissions (docs/slurm.md).
 *
 * @param merged   the merged results file, or null while there is none
 * @param perShard the shards shown ({@code --shard I}: one)
 */
public record StatusOutput(String dir, String spec, int points, int shards, int done, int failed, int left,
                           boolean complete, String merged, List<Shard> perShard, List<Submission> submissions) {
    /** One shard's counts; {@code started} is false when its task never wrote its file. */
    public record Shard(int shard, int of, String file, boolean started, int points, int done, int failed, int left,
                        long partialLastLineBytes) {
        static Shard of(SweepStatus.ShardStatus s) {
            return new Shard(s.shard().index(), s.shard().count(), s.file().toString(), s.exists(), s.points(), s.done(),
                    s.failed(), s.left(), s.tornBytes());
        }

        /** The text's note after the counts: not started, a partial last line, or nothing. */
        String note() {
            return !started ? "  not started"
                    : partialLastLineBytes > 0 ? "  partial last line (" + partialLastLineBytes + " bytes; dropped on resume)"
                    : "";
        }
    }

    /** One {@code sweep --slurm} submission; {@code arrayJob} is null when every shard was already done. */
    public record Submission(String arrayJob, String mergeJob, String tasks, String submitted) {
        static Submission of(SlurmManifest.Submission s) {
            return new Submission(s.arrayJob().isEmpty() ? null : s.arrayJob(), s.mergeJob(), s.tasks(), s.submitted());
        }
    }

    /** The shards' table, in the user's format locale (as the line above it), made when printed. */
    private static TextTable<Shard> table() {
        return TextTable.<Shard>inDefaultLocale()
                .column("shard", "%8s", s -> s.shard() + "/" + s.of()).column("points", "%7d", Shard::points)
                .column("done", "%7d", Shard::done).column("failed", "%7d", Shard::failed)
                .column("left", "%7d", Shard::left).column("", "", "%s", Shard::note);
    }

    public StatusOutput {
        perShard = List.copyOf(perShard);
        submissions = List.copyOf(submissions);
    }

    /**
     * The status of {@code shown} (all of {@code status}'s shards, or the one asked for), read with {@code spec};
     * {@code merged} is the merged file when it exists.
     */
    public static StatusOutput of(SweepStatus status, List<SweepStatus.ShardStatus> shown, Path spec,
                                  Optional<Path> merged, Optional<SlurmManifest> manifest) {
        return new StatusOutput(status.dir().toString(), spec.toString(), status.points(), status.shards().size(),
                status.done(), status.failed(), status.left(), status.complete(), merged.map(Path::toString).orElse(null),
                shown.stream().map(Shard::of).toList(),
                manifest.map(m -> m.submissions().stream().map(Submission::of).toList()).orElse(List.of()));
    }

    /** The text output: the counts, a table of the shards shown, the submissions and whether the shards are merged. */
    public void print(PrintWriter out) {
        out.printf("%s: %d points in %d shards: %d done, %d failed, %d left (%s)%n", Path.of(spec).getFileName(),
                points, shards, done, failed, left, dir);
        table().print(out, perShard);
        submissions.forEach(s -> out.printf("submitted %s: array job %s (shards %s), merge job %s%n", s.submitted(),
                s.arrayJob() == null ? "-" : s.arrayJob(), s.tasks().isEmpty() ? "-" : s.tasks(), s.mergeJob()));
        out.println(merged != null ? "merged: " + merged
                : complete ? "merged: not yet (every shard is finished; kljn merge, or sweep --slurm N --resume submits the merge)"
                : "merged: not yet");
    }
}
