package org.kljn.output;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.kljn.analysis.study.PaperCrosscheck;

import java.io.PrintWriter;
import java.util.List;

/**
 * {@code kljn crosscheck}'s result: the agreement tolerance and each of the paper's equations beside the simulation
 * (docs/paper-crosscheck.md).
 */
public record CrosscheckOutput(double tolerance, List<Equation> equations) {
    /**
     * One equation: the paper's value, the simulated one, their relative deviation and the verdict ({@code word}, the
     * verdict in one word, is the text table's and not in the JSON, which has {@code applicable} and {@code agrees}).
     */
    public record Equation(String equation, double beta, double paper, double simulated, String unit,
                           double relativeDeviation, boolean applicable, boolean agrees, String note,
                           @JsonIgnore String word) {
        static Equation of(PaperCrosscheck.Verdict v) {
            return new Equation(v.equation(), v.beta(), v.paper(), v.simulated(), v.unit(), v.relativeDeviation(),
                    v.applicable(), v.agrees(), v.note(), v.word());
        }
    }

    private static final TextTable<Equation> TABLE = TextTable.<Equation>of()
            .column("eq.", "%-4s", Equation::equation).column("beta", "%-10.6g", Equation::beta)
            .column("paper", "%-16.9e", Equation::paper).column("simulated", "%-16.9e", Equation::simulated)
            .column("unit", "%-4s", Equation::unit).column("rel.dev.", "%-10.2e", Equation::relativeDeviation)
            .column("verdict", "%-8s", Equation::word).column("note", "%s", Equation::note);

    public CrosscheckOutput {
        equations = List.copyOf(equations);
    }

    public static CrosscheckOutput of(List<PaperCrosscheck.Verdict> verdicts) {
        return new CrosscheckOutput(PaperCrosscheck.TOLERANCE, verdicts.stream().map(Equation::of).toList());
    }

    /** The table of the text output. */
    public void printTable(PrintWriter out) {
        TABLE.print(out, equations);
    }
}
