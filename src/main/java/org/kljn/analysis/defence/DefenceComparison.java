package org.kljn.analysis.defence;

import org.kljn.analysis.eavesdropper.EveInstrument;
import org.kljn.analysis.eavesdropper.LikelihoodRatioDetector;
import org.kljn.analysis.eavesdropper.OptimalEavesdropper;
import org.kljn.analysis.eavesdropper.OptimalResult;
import org.kljn.analysis.exact.Attack;
import org.kljn.analysis.exact.BetaCurve;
import org.kljn.analysis.exact.BetaRule;
import org.kljn.analysis.exact.EveStatistics;
import org.kljn.analysis.exact.ExactAnalysis;
import org.kljn.analysis.exact.NoiseTemperatures;
import org.kljn.analysis.exact.TransferFunctions;
import org.kljn.circuit.KljnLoop;
import org.kljn.circuit.LineModel;
import org.kljn.circuit.Resistor;
import org.kljn.circuit.ResistorPair;
import org.kljn.circuit.Situation;
import org.kljn.ngspice.SpiceSimulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The defences side by side on one line, judged by the best second-order eavesdropper: β = 1, the paper's eq. 11,
 * the β nulling the Second-Law signal, the minimax β of the three attacks, the β minimising the Jeffreys rate J, and
 * the generalised-KLJN temperature set minimising J (Vadai, Mingesz and Gingl, Sci. Rep. 5:13653, 2015).
 *
 * @param rows        one per defence that exists for this line
 * @param nullSpace   whether any temperature set can reach J = 0 (see {@link OptimalEavesdropper#temperatureNullSpace})
 * @param bitSamples  the bit, in Nyquist samples
 */
public record DefenceComparison(List<Row> rows, OptimalEavesdropper.TemperatureNullSpace nullSpace, int bitSamples) {

    /**
     * One defence.
     *
     * @param name        e.g. "beta = 1", "best temperatures"
     * @param key         the JSON key
     * @param result      the best eavesdropper there
     * @param separations each attack's μ_HL − μ_LH there
     */
    public record Row(String name, String key, OptimalResult result, Map<Attack, Double> separations) {
    }

    /** The row named {@code key}. */
    public Row row(String key) {
        return rows.stream().filter(r -> r.key().equals(key)).findFirst().orElse(null);
    }

    /** Compares the defences for a bit of {@code bitSamples} Nyquist samples over the brick-wall band. */
    public static DefenceComparison compare(SpiceSimulator spice, ResistorPair resistors, LineModel line, double tEff,
            double bandwidth, int bitSamples, int points) {
        return compare(spice, resistors, line, tEff, bandwidth, bitSamples, points, EveInstrument.defaults());
    }

    /** As above, with Eve recording through {@code instrument}. */
    public static DefenceComparison compare(SpiceSimulator spice, ResistorPair resistors, LineModel line, double tEff,
            double bandwidth, int bitSamples, int points, EveInstrument instrument) {
        KljnLoop hlLoop = KljnLoop.secure(resistors, Resistor.H, line);
        KljnLoop lhLoop = KljnLoop.secure(resistors, Resistor.L, line);
        org.kljn.noise.BandShape band = org.kljn.noise.BandShape.brickWall(bandwidth);
        // each secure situation swept once: the eavesdropper and the attacks' β curve share the HL sweep, and the
        // likelihood-ratio detector's bins are swept once for every row
        TransferFunctions tf = ExactAnalysis.transferFunctions(spice, hlLoop, band, points);
        OptimalEavesdropper eve = OptimalEavesdropper.of(resistors, line, Map.of(Situation.HL, tf,
                Situation.LH, ExactAnalysis.transferFunctions(spice, lhLoop, band, points)), bandwidth)
                .withInstrument(instrument);
        LikelihoodRatioDetector.Bins bins = eve.detectorBins(spice, bitSamples);
        BetaCurve curve = BetaCurve.of(hlLoop, ExactAnalysis.integrals(tf), tEff);
        EveStatistics stats = EveStatistics.of(hlLoop, tf, tEff);
        List<Row> rows = new ArrayList<>();
        add(rows, bins, eve, "beta = 1", "betaOne", NoiseTemperatures.standard(tEff, 1));
        OptionalDouble eq11 = BetaRule.eq11(hlLoop);
        if (eq11.isPresent()) {
            add(rows, bins, eve, "paper's eq. 11 beta", "betaEq11",
                    NoiseTemperatures.standard(tEff, eq11.getAsDouble()));
        }
        OptionalDouble nul = curve.betaNull(Attack.SECOND_LAW);
        if (nul.isPresent()) {
            add(rows, bins, eve, "secondLaw null beta", "betaNull", NoiseTemperatures.standard(tEff, nul.getAsDouble()));
        }
        add(rows, bins, eve, "minimax beta (attacks)", "betaMinimax",
                NoiseTemperatures.standard(tEff, stats.betaMinimax()));
        double betaJ = eve.betaMinimizing();
        add(rows, bins, eve, "beta minimising J", "betaMinimizing", NoiseTemperatures.standard(tEff, betaJ));
        OptimalEavesdropper.Defence best = eve.bestTemperatures(betaJ);
        add(rows, bins, eve, "best temperatures", "bestTemperatures", best.temperatures().scaledTo(tEff));
        return new DefenceComparison(rows, eve.temperatureNullSpace(), bitSamples);
    }

    private static void add(List<Row> rows, LikelihoodRatioDetector.Bins bins, OptimalEavesdropper eve, String name,
            String key, NoiseTemperatures t) {
        rows.add(new Row(name, key, OptimalResult.of(eve, bins, t), eve.attackSeparation(t)));
    }
}
