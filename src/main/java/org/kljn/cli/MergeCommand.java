package org.kljn.cli;

import org.kljn.sweep.SweepMerge;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code kljn merge --out ALL.csv PART.csv...}: joins the shards of a sweep, sorted by point index. */
@Command(name = "merge", mixinStandardHelpOptions = true, description = "Join sweep shard CSVs into one, sorted by point index.")
public final class MergeCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "PART", description = "shard CSV files")
    List<Path> parts;

    @Option(names = "--out", required = true, description = "the merged CSV")
    Path out;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        SweepMerge.Result r = SweepMerge.merge(parts, out);
        spec.commandLine().getOut().printf("%d rows (%d ok, %d failed) from %d files -> %s%n", r.rows(), r.ok(), r.failed(),
                parts.size(), out);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
