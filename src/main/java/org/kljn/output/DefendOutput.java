package org.kljn.output;

import org.kljn.analysis.exact.Attack;
import org.kljn.analysis.defence.DefenceComparison;
import org.kljn.analysis.defence.KeyRateDefences;
import org.kljn.analysis.eavesdropper.OptimalResult;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code kljn defend}'s result (docs/defend-and-map.md): the verdict, each defence judged by the best second-order
 * eavesdropper at the bit, the temperature equations' null space, and each defence's key rate.
 *
 * @param keyRate each defence's key rate
 */
public record DefendOutput(String verdict, int bitSamples, Map<String, Defence> defences,
                           NullSpace temperatureNullSpace, KeyRateOutput.Defences keyRate) {
    /**
     * One defence: its temperatures, the best eavesdropper's J and success, and each attack's separation (the
     * statistic's mean in HL minus its mean in LH).
     */
    public record Defence(String name, Temperatures temperatures, double jeffreysRate, double successProbability,
                          String method, double mutualInformation, EveNoise eveNoise, double errorProbability,
                          Map<String, Double> attackSeparation) {
        static Defence of(DefenceComparison.Row row) {
            OptimalResult o = row.result();
            Map<String, Double> sep = new LinkedHashMap<>();
            for (Attack a : Attack.values()) {
                sep.put(a.key(), row.separations().get(a));
            }
            return new Defence(row.name(), Temperatures.of(o.temperatures()), o.jeffreysRate(), o.successProbability(),
                    o.method(), o.mutualInformation(), EveNoise.of(o.eveNoise()), o.errorProbability(), sep);
        }

        /** A temperature relative to T_HA, Alice's R_H side. */
        private double relative(double t) {
            return t / temperatures.highAtAlice();
        }
    }

    /**
     * The temperature equations G_HL(f) = G_LH(f) over the band: the smallest relative singular value, the nearest
     * temperatures (T_HA, T_LA, T_HB, T_LB) and whether J = 0 is reachable.
     */
    public record NullSpace(double smallestRelativeSingularValue, double[] closestTemperatures, boolean zeroReachable) {
    }

    private static final TextTable<Defence> TABLE = TextTable.<Defence>of()
            .column("defence", "%-24s", Defence::name)
            .column("T_LA/T_HA", "%9.5g", d -> d.relative(d.temperatures().lowAtAlice()))
            .column("T_HB/T_HA", "%9.5g", d -> d.relative(d.temperatures().highAtBob()))
            .column("T_LB/T_HA", "%9.5g", d -> d.relative(d.temperatures().lowAtBob()))
            .column("J [nats/s]", "%12.4e", Defence::jeffreysRate)
            .column("Eve opt. p", "%10.6f", Defence::successProbability)
            .column(heading(Attack.BSY), "%13.3e", d -> d.attackSeparation().get(Attack.BSY.key()))
            .column(heading(Attack.SECOND_LAW), "%13.3e", d -> d.attackSeparation().get(Attack.SECOND_LAW.key()))
            .column(heading(Attack.CURRENT), "%13.3e", d -> d.attackSeparation().get(Attack.CURRENT.key()));

    /**
     * The result of {@code c}; {@code zeroReachable} is the comparison's judgement of its null space, {@code keys}
     * the defences' key rates and {@code where} the line in words, as the verdict names it.
     */
    public static DefendOutput of(DefenceComparison c, boolean zeroReachable, KeyRateDefences keys, String where) {
        Map<String, Defence> rows = new LinkedHashMap<>();
        for (DefenceComparison.Row row : c.rows()) {
            rows.put(row.key(), Defence.of(row));
        }
        return new DefendOutput(keys.verdict(where), c.bitSamples(), rows, new NullSpace(
                c.nullSpace().smallestRelative(), c.nullSpace().nullVector(), zeroReachable),
                KeyRateOutput.Defences.of(keys, where));
    }

    /** A column heading: the attack and its signal's unit, e.g. {@code bsy [V²]}. */
    static String heading(Attack a) {
        return a.key() + " [" + a.unit() + "]";
    }

    /** The defences table. */
    public void printTable(PrintWriter out) {
        TABLE.print(out, defences.values().stream().toList());
    }
}
