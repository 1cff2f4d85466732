package org.kljn.cli;

import org.kljn.analysis.study.PaperCrosscheck;
import org.kljn.circuit.KljnLoop;
import org.kljn.ngspice.NgSpice;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
        if (json.enabled()) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (PaperCrosscheck.Verdict v : verdicts) {
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("equation", v.equation());
                r.put("beta", v.beta());
                r.put("paper", v.paper());
                r.put("simulated", v.simulated());
                r.put("unit", v.unit());
                r.put("relativeDeviation", v.relativeDeviation());
                r.put("applicable", v.applicable());
                r.put("agrees", v.agrees());
                r.put("note", v.note());
                rows.add(r);
            }
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("tolerance", PaperCrosscheck.TOLERANCE);
            r.put("equations", rows);
            out.println(Json.stdout(r));
        } else {
            out.printf(Locale.ROOT, "Paper vs simulation, %s; R_L = %g, R_H = %g, Alice holds R_%s, T_eff = %g K,"
                    + " band %g Hz; agreement when the relative deviation <= %.0e%n%n", options.describeLine(loop.line()),
                    loop.resistors().low(), loop.resistors().high(), loop.alice(), t, df, PaperCrosscheck.TOLERANCE);
            out.printf(Locale.ROOT, "%-4s %-10s %-16s %-16s %-4s %-10s %-8s %s%n", "eq.", "beta", "paper",
                    "simulated", "unit", "rel.dev.", "verdict", "note");
            for (PaperCrosscheck.Verdict v : verdicts) {
                out.printf(Locale.ROOT, "%-4s %-10.6g %-16.9e %-16.9e %-4s %-10.2e %-8s %s%n", v.equation(), v.beta(),
                        v.paper(), v.simulated(), v.unit(), v.relativeDeviation(), v.word(), v.note());
            }
        }
        out.flush();
        return 0;
    }
}
