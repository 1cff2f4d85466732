package org.kljn.analysis.exact;

import org.kljn.circuit.KljnLoop;
import org.kljn.circuit.LumpedLine;
import org.kljn.ngspice.SpiceSimulator;
import org.kljn.noise.BandShape;

/**
 * How far a cable model is from the paper's lumped resistance over the band: the lumped line with the
 * model's own DC series resistance (read off the loop's DC current, I = V_a/(R_A + R_dc + R_B)), and the
 * largest deviation of any transfer function from it, relative to that transfer function's largest value.
 *
 * @param seriesResistance   R_dc of the model, Ω
 * @param maxDeviation       max over probes and frequencies of |H_model − H_lumped| / max_f |H_lumped|
 * @param lumpedSignals      the lumped equivalent's signals at β = 1, indexed by {@link Attack#ordinal()}
 */
public record LumpedComparison(double seriesResistance, double maxDeviation, double[] lumpedSignals) {

    public static LumpedComparison of(SpiceSimulator spice, KljnLoop loop, TransferFunctions model, double bandwidth,
            double tEff) {
        double dcCurrent = model.aliceRe()[Probe.I_A.ordinal()][0];
        double rdc = 1 / dcCurrent - loop.aliceResistance() - loop.bobResistance();
        KljnLoop lumped = new KljnLoop(loop.resistors(), loop.alice(), loop.bob(), new LumpedLine(Math.max(0, rdc)));
        TransferFunctions ref = ExactAnalysis.transferFunctions(spice, lumped, BandShape.brickWall(bandwidth), model.size());
        double worst = 0;
        for (int p = 0; p < 4; p++) {
            double peak = 0;
            for (int k = 0; k < ref.size(); k++) {
                peak = Math.max(peak, Math.max(Math.hypot(ref.aliceRe()[p][k], ref.aliceIm()[p][k]),
                        Math.hypot(ref.bobRe()[p][k], ref.bobIm()[p][k])));
            }
            for (int k = 0; k < ref.size(); k++) {
                double da = Math.hypot(model.aliceRe()[p][k] - ref.aliceRe()[p][k], model.aliceIm()[p][k] - ref.aliceIm()[p][k]);
                double db = Math.hypot(model.bobRe()[p][k] - ref.bobRe()[p][k], model.bobIm()[p][k] - ref.bobIm()[p][k]);
                worst = Math.max(worst, Math.max(da, db) / peak);
            }
        }
        KljnMoments m = KljnMoments.of(lumped, ExactAnalysis.integrals(ref), tEff, 1);
        double[] signals = new double[Attack.values().length];
        for (Attack a : Attack.values()) {
            signals[a.ordinal()] = m.signal(a);
        }
        return new LumpedComparison(rdc, worst, signals);
    }
}
