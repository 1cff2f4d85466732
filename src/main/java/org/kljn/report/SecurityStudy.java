package org.kljn.report;

import org.kljn.analysis.LineSecurity;
import org.kljn.analysis.SecurityMap;
import org.kljn.circuit.CablePreset;
import org.kljn.circuit.ResistorPair;
import org.kljn.circuit.SpiceNumbers;
import org.kljn.ngspice.NgSpicePool;
import org.kljn.ngspice.SpiceSimulator;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The main job's answer to "is this line secure?": the best eavesdropper against the best temperature defence on the
 * study's line, the length and band that would be secure, and the security map of the cable (written to the report
 * folder as {@code security-map.{png,svg,csv}}).
 *
 * @param security  the verdict numbers
 * @param map       the heat map with the best temperature set
 * @param paragraph the verdict in words
 */
public record SecurityStudy(LineSecurity security, Charts.Rendered map, String paragraph) {
    /** Secure means Eve's optimal success at most 0.5 + this. */
    public static final double EPSILON = 0.01;

    public static SecurityStudy run(SpiceSimulator spice, ResistorPair resistors, CablePreset preset, double tEff,
            double length, double bandwidth, int bitSamples, Path out) throws IOException {
        SecurityMap.PerKm cable = new SecurityMap.PerKm(preset.resistancePerKm(), preset.capacitancePerKm(),
                preset.inductancePerKm());
        LineSecurity s = LineSecurity.of(spice, cable, resistors, tEff, length, bandwidth, bitSamples, EPSILON);
        double[] lengths = logspace(10, 10e3, 7);
        double[] bands = logspace(10, 10e3, 7);
        SecurityMap map;
        try (NgSpicePool pool = NgSpicePool.of(Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())))) {
            map = SecurityMap.compute(pool, cable, resistors, tEff, lengths, bands, bitSamples, EPSILON, done -> { });
        }
        AtomicFiles.writeString(out.resolve("security-map.csv"), SecurityMapChart.csv(map));
        String name = preset.name().toLowerCase(Locale.ROOT);
        Charts.Rendered fig = SecurityMapChart.write(map, true, "Eve's optimal success, best temperature set: " + name
                + ", M = " + bitSamples, out, "security-map");
        return new SecurityStudy(s, fig, paragraph(s, name));
    }

    static String paragraph(LineSecurity s, String cable) {
        var t = s.defence().temperatures();
        String where = String.format(Locale.ROOT, "%sm of %s at %s Hz", SpiceNumbers.engineering(s.length()), cable,
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
                        + " about %s, or over %sm in a band up to about %s (the security map shows the whole picture).",
                where, s.bitSamples(), defence, s.successBest(),
                s.zeroReachable() ? "some temperature set would reach J = 0"
                        : "no temperature set can reach J = 0 on this line (the equations G_HL(f) = G_LH(f) have only"
                                + " the zero solution)",
                s.epsilon(), SpiceNumbers.engineering(s.bandwidth()),
                s.secureLength() > 0 ? SpiceNumbers.engineering(s.secureLength()) + "m" : "no length down to 1 m",
                SpiceNumbers.engineering(s.length()),
                s.secureBandwidth() > 0 ? SpiceNumbers.engineering(s.secureBandwidth()) + " Hz" : "no band down to 1 Hz");
    }

    private static double[] logspace(double a, double b, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = a * Math.pow(b / a, i / (double) (n - 1));
        }
        return v;
    }
}
