package org.kljn.analysis.exact;

import org.junit.jupiter.api.Test;
import org.kljn.analysis.montecarlo.WindowMoments;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Each attack's statistic is defined once (its terms); the encodings derived from it must give the paper's
 * statistics: bsy = <U_A²> − <U_B²> (eq. 1), secondLaw = P_A − P_B with P_A = <U_A I_A>, P_B = −<U_B I_B>
 * (eqs. 7-9), current = <I_A²> − <I_B²>. The expected values below are those formulas written out by hand.
 */
class ProbeQuadraticFormTest {
    /** A symmetric moment matrix with distinct entries, indexed U_A, U_B, I_A, I_B. */
    private static final double[][] M = {
            {5, 17, 11, 19},
            {17, 3, 23, 13},
            {11, 23, 7, 29},
            {19, 13, 29, 2}};

    private static double paper(Attack a) {
        return switch (a) {
            case BSY -> 5 - 3;
            case SECOND_LAW -> 11 - (-13);
            case CURRENT -> 7 - 2;
        };
    }

    @Test
    void theMeanOfEachAttackIsThePapersStatistic() {
        for (Attack a : Attack.values()) {
            assertEquals(paper(a), ProbeQuadraticForm.mean(a, M), 0, a.key());
        }
    }

    @Test
    void theMatrixOfEachAttackGivesTheSameMeanAsTrace() {
        for (Attack a : Attack.values()) {
            double[][] q = ProbeQuadraticForm.of(a).matrix();
            double trace = 0;
            for (int i = 0; i < 4; i++) {
                for (int j = 0; j < 4; j++) {
                    assertEquals(q[i][j], q[j][i], 0, a.key() + " matrix is symmetric");
                    trace += q[i][j] * M[j][i];
                }
            }
            assertEquals(paper(a), trace, 1e-12, a.key());
        }
    }

    @Test
    void theTransientStatisticOfEachAttackReadsTheRightWindowProducts() {
        double[] averages = new double[WindowMoments.PRODUCTS];
        averages[WindowMoments.UA2] = 5;
        averages[WindowMoments.UB2] = 3;
        averages[WindowMoments.IA2] = 7;
        averages[WindowMoments.IB2] = 2;
        averages[WindowMoments.UAIA] = 11;
        averages[WindowMoments.UBIB] = 13;
        for (Attack a : Attack.values()) {
            assertEquals(paper(a), WindowMoments.statistic(a, averages), 0, a.key());
        }
    }

    @Test
    void theScaleIsTheSumOfWhatTheStatisticSubtracts() {
        assertEquals(5 + 3, ProbeQuadraticForm.scale(Attack.BSY, M), 0);
        assertEquals(Math.sqrt(5 * 7) + Math.sqrt(3 * 2), ProbeQuadraticForm.scale(Attack.SECOND_LAW, M), 0);
        assertEquals(7 + 2, ProbeQuadraticForm.scale(Attack.CURRENT, M), 0);
    }
}
