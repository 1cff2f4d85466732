package org.kljn.report;

import org.kljn.analysis.study.LineSecurity;
import org.kljn.analysis.study.SecurityVerdict;
import org.kljn.circuit.SpiceNumbers;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The main job's security verdict written out: the security map of the cable as {@code security-map.{png,svg,csv}}
 * and the verdict in words ({@link SecurityVerdict} holds the numbers).
 *
 * @param security  the verdict numbers
 * @param map       the heat map with the best temperature set
 * @param paragraph the verdict in words
 */
public record SecurityStudy(LineSecurity security, Charts.Rendered map, String paragraph, String sentence) {

    /** Writes the map's heat map and CSV into {@code out} and words the verdict. */
    public static SecurityStudy write(SecurityVerdict v, Path out) throws IOException {
        org.kljn.io.AtomicFiles.writeString(out.resolve("security-map.csv"), SecurityMapChart.csv(v.map()));
        Charts.Rendered fig = SecurityMapChart.write(v.map(), true, "Eve's optimal success, best temperature set: "
                + v.cable() + ", M = " + v.map().bitSamples(), out, "security-map");
        return new SecurityStudy(v.line(), fig, paragraph(v.line(), v.cable()), sentence(v.line(), v.cable()));
    }

    /** The verdict in one sentence: secure or not, for which bit, and Eve's success with the best defence. */
    static String sentence(LineSecurity s, String cable) {
        return String.format(Locale.ROOT, "KLJN over %s of %s at %s Hz is %s against the best second-order"
                        + " eavesdropper for bits of %d Nyquist samples (%s): with the best temperature defence her"
                        + " success is %.4f, %s 0.5 + %.2g.", SpiceNumbers.metres(s.length()), cable,
                SpiceNumbers.engineering(s.bandwidth()), s.secure() ? "secure" : "not secure", s.bitSamples(),
                org.kljn.io.Units.si(org.kljn.analysis.finitebit.BitLength.duration(s.bitSamples(), s.bandwidth()), "s"),
                s.successBest(), s.secure() ? "within" : "above", s.epsilon());
    }

    static String paragraph(LineSecurity s, String cable) {
        var t = s.defence().temperatures();
        String where = String.format(Locale.ROOT, "%s of %s at %s Hz", SpiceNumbers.metres(s.length()), cable,
                SpiceNumbers.engineering(s.bandwidth()));
        String defence = String.format(Locale.ROOT, "the best temperature defence (T_LA/T_HA = %.4g, T_HB/T_HA = %.4g,"
                + " T_LB/T_HA = %.4g; J = %.3g nats/s)", t.lowAtAlice() / t.highAtAlice(),
                t.highAtBob() / t.highAtAlice(), t.lowAtBob() / t.highAtAlice(), s.defence().jeffreysRate());
        if (s.secure()) {
            return String.format(Locale.ROOT, "Against the best second-order eavesdropper (likelihood ratio of U and I),"
                    + " %s is secure for bits of %d Nyquist samples with %s: her optimal success is %.4f (at most"
                    + " 0.5 + %.2g).", where, s.bitSamples(), defence, s.successBest(), s.epsilon());
        }
        return String.format(Locale.ROOT, "Against the best second-order eavesdropper (likelihood ratio of U and I), no"
                        + " temperature defence makes %s secure for bits of %d Nyquist samples: with %s her optimal"
                        + " success is %.4f, and %s. It would be secure (success at most 0.5 + %.2g) at %s Hz up to"
                        + " about %s, or over %s in a band up to about %s (the security map shows the whole picture).",
                where, s.bitSamples(), defence, s.successBest(),
                s.zeroReachable() ? "some temperature set would reach J = 0"
                        : "no temperature set can reach J = 0 on this line (the equations G_HL(f) = G_LH(f) have only"
                                + " the zero solution)",
                s.epsilon(), SpiceNumbers.engineering(s.bandwidth()),
                s.secureLength() > 0 ? SpiceNumbers.metres(s.secureLength()) : "no length down to 1 m",
                SpiceNumbers.metres(s.length()),
                s.secureBandwidth() > 0 ? SpiceNumbers.engineering(s.secureBandwidth()) + " Hz" : "no band down to 1 Hz");
    }

}
