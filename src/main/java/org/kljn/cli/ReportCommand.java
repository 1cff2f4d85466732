package org.kljn.cli;

import org.kljn.report.SweepReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code kljn report CSV... --out DIR}: an HTML page with plots from sweep CSVs. */
@Command(name = "report", mixinStandardHelpOptions = true, description = "Build an HTML report (PNG/SVG plots, table) from sweep CSVs.")
public final class ReportCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "CSV", description = "sweep result files")
    List<Path> csvs;

    @Option(names = "--out", defaultValue = "kljn-sweep-report", description = "report folder (default ${DEFAULT-VALUE})")
    Path out;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Path index = SweepReport.write(csvs, out);
        spec.commandLine().getOut().println("report: " + index);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
