package org.kljn.cli;

import org.kljn.analysis.Attack;
import org.kljn.analysis.BitLength;
import org.kljn.analysis.DefenceComparison;
import org.kljn.analysis.NoiseTemperatures;
import org.kljn.analysis.OptimalResult;
import org.kljn.circuit.KljnLoop;
import org.kljn.ngspice.NgSpice;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code kljn defend}: the defences of a line judged by the best second-order eavesdropper, from β = 1 to the
 * generalised-KLJN temperature set that minimises her Jeffreys rate.
 */
@Command(name = "defend", mixinStandardHelpOptions = true,
        description = "Compare the defences (beta = 1, eq. 11, null beta, minimax beta, the beta minimising the best"
                + " eavesdropper's Jeffreys rate, and the four-temperature set minimising it) on one line.")
public final class DefendCommand implements Callable<Integer> {
    @Mixin
    LoopOptions options;

    @Option(names = "--bit-samples", defaultValue = "1000",
            description = "bit duration in Nyquist samples M (tau = M/(2 bandwidth)); default ${DEFAULT-VALUE}")
    int bitSamples;

    @Option(names = "--points", defaultValue = "257", description = "AC sweep points, 4m+1 (default ${DEFAULT-VALUE})")
    int points;

    @Mixin
    Json json;

    @Mixin
    EveNoiseOptions eveNoise;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        KljnLoop loop = options.loop();
        double tEff = options.temperature();
        double bandwidth = options.bandwidthHz();
        BitLength.ofSamples(bitSamples);
        if (points < 5 || (points - 1) % 4 != 0) {
            throw new IllegalArgumentException("--points must be 4m+1 >= 5, got " + points);
        }
        DefenceComparison c;
        try (NgSpice spice = NgSpice.open()) {
            c = DefenceComparison.compare(spice, loop.resistors(), loop.line(), tEff, bandwidth, bitSamples, points,
                    eveNoise.instrument());
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json.enabled()) {
            out.println(Json.write(toJson(c)));
        } else {
            print(out, loop, tEff, bandwidth, c);
        }
        out.flush();
        return 0;
    }

    static Map<String, Object> toJson(DefenceComparison c) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("bitSamples", c.bitSamples());
        Map<String, Object> rows = new LinkedHashMap<>();
        for (DefenceComparison.Row row : c.rows()) {
            OptimalResult o = row.result();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", row.name());
            NoiseTemperatures t = o.temperatures();
            Map<String, Object> temps = new LinkedHashMap<>();
            temps.put("highAtAlice", t.highAtAlice());
            temps.put("lowAtAlice", t.lowAtAlice());
            temps.put("highAtBob", t.highAtBob());
            temps.put("lowAtBob", t.lowAtBob());
            m.put("temperatures", temps);
            m.put("jeffreysRate", o.jeffreysRate());
            m.put("successProbability", o.successProbability());
            m.put("method", o.method());
            m.put("mutualInformation", o.mutualInformation());
            m.put("eveNoise", EveNoiseOptions.json(o.eveNoise()));
            m.put("errorProbability", o.errorProbability());
            Map<String, Object> sep = new LinkedHashMap<>();
            for (Attack a : Attack.values()) {
                sep.put(a.key(), row.separations().get(a));
            }
            m.put("attackSeparation", sep);
            rows.put(row.key(), m);
        }
        r.put("defences", rows);
        Map<String, Object> ns = new LinkedHashMap<>();
        ns.put("smallestRelativeSingularValue", c.nullSpace().smallestRelative());
        ns.put("closestTemperatures", c.nullSpace().nullVector());
        ns.put("zeroReachable", zeroReachable(c));
        r.put("temperatureNullSpace", ns);
        return r;
    }

    /** J = 0 is reachable when the temperature equations have a null vector (σ_min/σ_max at rounding level, < 1e-10) of one sign. */
    static boolean zeroReachable(DefenceComparison c) {
        return c.nullSpace().smallestRelative() < 1e-10 && c.nullSpace().asTemperatures() != null;
    }

    private static void print(PrintWriter out, KljnLoop loop, double tEff, double bandwidth, DefenceComparison c) {
        out.printf(Locale.ROOT, "defences on %s; R_L = %s, R_H = %s, T_eff = %.4g K, band 0..%s Hz, bit of %d Nyquist"
                        + " samples (%.4g s)%n%n", loop.line().describe(),
                org.kljn.circuit.SpiceNumbers.engineering(loop.resistors().low()),
                org.kljn.circuit.SpiceNumbers.engineering(loop.resistors().high()), tEff,
                org.kljn.circuit.SpiceNumbers.engineering(bandwidth), c.bitSamples(), BitLength.duration(c.bitSamples(), bandwidth));
        out.printf(Locale.ROOT, "%-24s %9s %9s %9s %12s %10s %11s %11s %11s%n", "defence", "T_LA/T_HA", "T_HB/T_HA",
                "T_LB/T_HA", "J [nats/s]", "Eve opt. p", "bsy [V2]", "2nd law [W]", "current[A2]");
        for (DefenceComparison.Row row : c.rows()) {
            NoiseTemperatures t = row.result().temperatures();
            out.printf(Locale.ROOT, "%-24s %9.5g %9.5g %9.5g %12.4e %10.6f %11.3e %11.3e %11.3e%n", row.name(),
                    t.lowAtAlice() / t.highAtAlice(), t.highAtBob() / t.highAtAlice(), t.lowAtBob() / t.highAtAlice(),
                    row.result().jeffreysRate(), row.result().successProbability(),
                    row.separations().get(Attack.BSY), row.separations().get(Attack.SECOND_LAW),
                    row.separations().get(Attack.CURRENT));
        }
        out.printf(Locale.ROOT, "(attack columns: the statistic's mean in HL minus its mean in LH)%n");
        double[] v = c.nullSpace().nullVector();
        out.printf(Locale.ROOT, "%ntemperature equations G_HL(f) = G_LH(f) over the band: smallest relative singular value"
                        + " %.3e, nearest temperatures (T_HA, T_LA, T_HB, T_LB) = (%.5g, %.5g, %.5g, %.5g)%n",
                c.nullSpace().smallestRelative(), v[0], v[1], v[2], v[3]);
        out.println(zeroReachable(c)
                ? "J = 0 is reachable: these temperatures make HL and LH identical to every second-order eavesdropper."
                : "no temperature set reaches J = 0 on this line: the equations have full rank (only the zero vector"
                        + " solves them).");
    }
}
