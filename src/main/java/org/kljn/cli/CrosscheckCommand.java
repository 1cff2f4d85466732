package org.kljn.cli;

import org.kljn.analysis.study.PaperCrosscheck;
import org.kljn.circuit.KljnLoop;
import org.kljn.ngspice.NgSpice;
import org.kljn.output.CrosscheckOutput;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code kljn crosscheck}: every equation of the seed paper that can be evaluated, beside the simulated
 * value for the same parameters, with a verdict ({@link PaperCrosscheck}).
 */
@Command(name = "crosscheck", mixinStandardHelpOptions = true,
        description = "The paper's equations beside the circuit simulation, with a verdict for each.")
public final class CrosscheckCommand implements Callable<Integer> {
    @Mixin
    LoopOptions options;

    @Mixin
    Json json;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        KljnLoop loop = options.loop();
        double t = options.temperature();
        double df = options.bandwidthHz();
        List<PaperCrosscheck.Verdict> verdicts;
        try (NgSpice spice = NgSpice.open()) {
            verdicts = PaperCrosscheck.run(spice, loop, t, df);
        }
        PrintWriter out = spec.commandLine().getOut();
        CrosscheckOutput result = CrosscheckOutput.of(verdicts);
        if (json.enabled()) {
            out.println(Json.stdout(result));
        } else {
            out.printf(Locale.ROOT, "Paper vs simulation, %s; R_L = %g, R_H = %g, Alice holds R_%s, T_eff = %g K,"
                    + " band %g Hz; agreement when the relative deviation <= %.0e%n%n", options.describeLine(loop.line()),
                    loop.resistors().low(), loop.resistors().high(), loop.alice(), t, df, result.tolerance());
            result.printTable(out);
        }
        out.flush();
        return 0;
    }
}
