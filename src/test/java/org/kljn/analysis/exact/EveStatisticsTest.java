package org.kljn.analysis.exact;

import org.junit.jupiter.api.extension.ExtendWith;
import org.kljn.testing.NgSpiceExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kljn.circuit.KljnLoop;
import org.kljn.circuit.LumpedLine;
import org.kljn.circuit.Resistor;
import org.kljn.circuit.ResistorPair;
import org.kljn.ngspice.NgSpice;
import org.kljn.noise.BandShape;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Variance rates of Eve's statistics against a closed form for the lumped loop. */
@ExtendWith(NgSpiceExtension.class)
class EveStatisticsTest {
    @NgSpiceExtension.Session
    static NgSpice spice;

    /**
     * Lumped loop: every probe is a fixed combination of the generators V_a, V_b (independent, flat PSD S_a,
     * S_b on [0, Δf]). A statistic z = q_aa V_a² + 2 q_ab V_a V_b + q_bb V_b² then has variance rate
     * Δf (q_aa² S_a² + 2 q_ab² S_a S_b + q_bb² S_b²) (Isserlis; Var rate of V² is S²Δf, of V_aV_b is S_aS_bΔf/2).
     */
    @ParameterizedTest(name = "R_L={0} R_H={1} R_c={2} Alice={3} beta={4}")
    @CsvSource({"1e3, 10e3, 100, H, 1", "1e3, 10e3, 300, L, 1.2", "2e3, 5e3, 50, H, 0.8"})
    void lumpedVarianceRatesMatchTheClosedForm(double rl, double rh, double rc, Resistor alice, double beta) {
        double tEff = 1e9;
        double df = 1e3;
        KljnLoop loop = KljnLoop.secure(new ResistorPair(rl, rh), alice, new LumpedLine(rc));
        TransferFunctions tf = ExactAnalysis.transferFunctions(spice, loop, BandShape.brickWall(df), 257);
        Map<Attack, EveStatistics.AttackStatistic> s = EveStatistics.of(loop, tf, tEff).at(beta);

        double ra = loop.aliceResistance();
        double rb = loop.bobResistance();
        double r = ra + rc + rb;
        double k = org.kljn.noise.Johnson.BOLTZMANN;
        double sa = 4 * k * tEff * (alice == Resistor.H ? 1 : beta) * ra;
        double sb = 4 * k * tEff * (alice == Resistor.H ? beta : 1) * rb;
        // U_A = aA Va + bA Vb, U_B = aB Va + bB Vb, I_A = I_B = (Va - Vb)/R
        double aA = (rc + rb) / r, bA = ra / r, aB = rb / r, bB = (ra + rc) / r, aI = 1 / r, bI = -1 / r;
        double[] bsy = {aA * aA - aB * aB, aA * bA - aB * bB, bA * bA - bB * bB};
        double[] secondLaw = {aA * aI + aB * aI, 0.5 * (aA * bI + bA * aI) + 0.5 * (aB * bI + bB * aI),
                bA * bI + bB * bI};
        check(s.get(Attack.BSY), bsy, sa, sb, df);
        check(s.get(Attack.SECOND_LAW), secondLaw, sa, sb, df);
        assertEquals(0, s.get(Attack.CURRENT).mean(), 0, "lumped: I_A = I_B");
        // bsy = R_c secondLaw sample by sample: the same discrimination
        assertEquals(s.get(Attack.BSY).snrRate(), s.get(Attack.SECOND_LAW).snrRate(),
                1e-9 * s.get(Attack.BSY).snrRate());
    }

    private static void check(EveStatistics.AttackStatistic stat, double[] q, double sa, double sb, double df) {
        double mean = q[0] * sa * df + q[2] * sb * df;
        double rate = df * (q[0] * q[0] * sa * sa + 2 * q[1] * q[1] * sa * sb + q[2] * q[2] * sb * sb);
        assertEquals(mean, stat.mean(), 1e-9 * (Math.abs(q[0] * sa) + Math.abs(q[2] * sb)) * df, "mean");
        assertEquals(rate, stat.varianceRate(), 1e-9 * rate, "variance rate");
    }

    @ParameterizedTest(name = "R_c={0}")
    @CsvSource({"100", "1000"})
    void betaMinimaxOnALumpedLineIsTheCommonNull(double rc) {
        KljnLoop loop = KljnLoop.secure(new ResistorPair(1e3, 10e3), Resistor.H, new LumpedLine(rc));
        TransferFunctions tf = ExactAnalysis.transferFunctions(spice, loop, BandShape.brickWall(1e3), 257);
        EveStatistics eve = EveStatistics.of(loop, tf, 1e9);
        double betaStar = (1 + rc / 2e3) / (1 + rc / 20e3);
        double minimax = eve.betaMinimax(0.1, 10);
        assertEquals(betaStar, minimax, 1e-6 * betaStar);
        assertTrue(eve.bestSnrRate(minimax) < 1e-6 * eve.bestSnrRate(1.0));
    }
}
