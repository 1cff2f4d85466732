package org.kljn.cli;

import org.kljn.io.ProgressBar;
import org.kljn.sweep.Shard;
import org.kljn.sweep.SweepRunner;

import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The command-line options of a sweep, as a picocli mixin ({@code @Mixin SweepOptions sweep;}):
 * {@code --out FILE --jobs N --shard i/n --resume --progress auto|always|never}.
 */
public final class SweepOptions {
    @Option(names = "--out", required = true, description = "results CSV (one row per point, appended as points finish)")
    Path out;

    @Option(names = "--jobs", description = "worker threads (default: the number of cores)")
    Integer jobs;

    @Option(names = "--shard", defaultValue = "1/1",
            description = "run only shard i of n (1-based; points are dealt round-robin: point p goes to shard p mod n + 1)")
    String shard;

    @Option(names = "--resume", description = "continue an existing results file: skip its finished points, drop a partial last line")
    boolean resume;

    @Option(names = "--progress", defaultValue = "auto",
            description = "progress bar on stderr: auto (redrawn on a terminal; elsewhere a line every 30 s), always, never"
                    + " (default ${DEFAULT-VALUE})")
    ProgressBar.Mode progress;

    public Path out() {
        return out;
    }

    /** {@code --jobs} as given, or null. */
    public Integer jobsOption() {
        return jobs;
    }

    /** {@code --shard} as given (default 1/1). */
    public String shardOption() {
        return shard;
    }

    public boolean resume() {
        return resume;
    }

    /** The runner options these flags give; stderr for the bar, 10 s stop grace. */
    public SweepRunner.Options options() {
        int j = jobs == null ? Runtime.getRuntime().availableProcessors() : jobs;
        Shard part;
        try {
            part = Shard.parse(shard);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--shard: " + e.getMessage(), e);
        }
        return new SweepRunner.Options(j, part, resume, progress, System.err, Duration.ofSeconds(10));
    }
}
