package org.kljn.cli;

import org.kljn.sweep.SweepMerge;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code kljn merge --out ALL.csv PART.csv...}: joins the shards of a sweep, sorted by point index. */
@Command(name = "merge", mixinStandardHelpOptions = true, description = {"Join sweep shard CSVs into one, sorted by point index.",
                "With --spec: only when the parts are that sweep's and hold every point."})
public final class MergeCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "PART", description = "shard CSV files")
    List<Path> parts;

    @Option(names = "--out", required = true, description = "the merged CSV")
    Path out;

    @Option(names = "--spec", paramLabel = "SPEC",
            description = "the sweep's spec: refuse parts of another sweep and a merge with points missing (an unfinished shard)")
    Path sweepSpec;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        SweepMerge.Result r;
        if (sweepSpec == null) {
            r = SweepMerge.merge(parts, out);
        } else {
            org.kljn.sweep.SweepSpec s = org.kljn.sweep.SweepSpec.read(sweepSpec);
            r = SweepMerge.mergeComplete(parts, out, s, org.kljn.sweep.KljnEvaluator.columns(s));
        }
        spec.commandLine().getOut().printf("%d rows (%d ok, %d failed) from %d files -> %s%n", r.rows(), r.ok(), r.failed(),
                parts.size(), out);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
