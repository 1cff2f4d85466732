package org.kljn.sweep;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How far a sharded sweep in a folder has come, read from its shard files alone (no Slurm needed): per shard the
 * points done (status ok), failed and left. Each file is checked as a resume would check it (header, keys against
 * the spec, no point twice); nothing is written. A partial last line (a killed task) is counted as not done.
 *
 * @param dir    the sweep's folder
 * @param points points in the whole sweep
 * @param shards one entry per shard, in shard order
 */
public record SweepStatus(Path dir, int points, List<ShardStatus> shards) {
    private static final Pattern SHARD_FILE = Pattern.compile("sweep\\.shard-(\\d+)-of-(\\d+)\\.csv");

    public SweepStatus {
        shards = List.copyOf(shards);
    }

    /**
     * One shard.
     *
     * @param shard     which shard
     * @param file      its results file
     * @param exists    whether the file exists (a task that never started has none)
     * @param points    points in this shard
     * @param done      rows with status ok
     * @param failed    rows with status failed
     * @param tornBytes bytes of a partial last line (a task killed while writing; dropped on resume)
     */
    public record ShardStatus(Shard shard, Path file, boolean exists, int points, int done, int failed, long tornBytes) {
        /** Points with no row yet. */
        public int left() {
            return points - done - failed;
        }
    }

    /** The results file of a shard in {@code dir}: {@code sweep.csv} for the whole sweep, else {@code sweep.shard-i-of-n.csv}. */
    public static Path shardFile(Path dir, Shard shard) {
        return dir.resolve(shard.count() == 1 ? "sweep.csv" : "sweep.shard-" + shard.index() + "-of-" + shard.count() + ".csv");
    }

    /**
     * The shard counts that the shard files in {@code dir} name ({@code sweep.csv} counts as 1); empty when there
     * are none. More than one means two different splits were written into the folder.
     */
    public static TreeSet<Integer> shardCounts(Path dir) throws IOException {
        TreeSet<Integer> counts = new TreeSet<>();
        if (!Files.isDirectory(dir)) {
            return counts;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "sweep*.csv")) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                Matcher m = SHARD_FILE.matcher(name);
                if (m.matches()) {
                    counts.add(Integer.parseInt(m.group(2)));
                } else if (name.equals("sweep.csv")) {
                    counts.add(1);
                }
            }
        }
        return counts;
    }

    /**
     * Reads the {@code shardCount} shard files of {@code spec}'s sweep in {@code dir}.
     *
     * @param resultColumns the evaluator's result columns (the files' header must be this sweep's)
     * @throws IllegalStateException naming the file and line when a file is not this sweep's
     */
    public static SweepStatus read(Path dir, SweepSpec spec, List<String> resultColumns, int shardCount) throws IOException {
        List<String> header = SweepWriter.header(spec, resultColumns);
        List<ShardStatus> shards = new ArrayList<>(shardCount);
        for (int i = 1; i <= shardCount; i++) {
            Shard shard = new Shard(i, shardCount);
            Path file = shardFile(dir, shard);
            if (!Files.exists(file)) {
                shards.add(new ShardStatus(shard, file, false, shard.size(spec.size()), 0, 0, 0));
                continue;
            }
            BitSet finished = new BitSet();
            int[] counts = new int[2];
            long end;
            long size = Files.size(file);
            try (java.io.InputStream in = new java.io.BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
                end = size == 0 ? 0 : SweepWriter.check(file, in, SweepStamp.of(spec, shard), header, spec, finished,
                        counts);
            }
            for (int p = finished.nextSetBit(0); p >= 0; p = finished.nextSetBit(p + 1)) {
                if (!shard.contains(p)) {
                    throw new IllegalStateException(file + ": holds point " + p + ", which belongs to shard "
                            + (p % shardCount + 1) + "/" + shardCount + ", not " + shard);
                }
            }
            shards.add(new ShardStatus(shard, file, true, shard.size(spec.size()), counts[0], counts[1], size - end));
        }
        return new SweepStatus(dir, spec.size(), shards);
    }

    public int done() {
        return shards.stream().mapToInt(ShardStatus::done).sum();
    }

    public int failed() {
        return shards.stream().mapToInt(ShardStatus::failed).sum();
    }

    public int left() {
        return shards.stream().mapToInt(ShardStatus::left).sum();
    }

    /** Whether every point of every shard has a row. */
    public boolean complete() {
        return left() == 0;
    }

    /** The indices (1-based) of the shards with points left, ascending. */
    public List<Integer> unfinished() {
        return shards.stream().filter(s -> s.left() > 0).map(s -> s.shard().index()).toList();
    }
}
