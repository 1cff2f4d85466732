package org.kljn.report;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KljnChartsTest {
    /**
     * The β figure's legend names each divisor as a magnitude with its unit: a new user read "÷ |-6.473e-16 A²|" and
     * could not tell the sign from the bars. The curve itself keeps its sign (negative at β = 1 stays negative).
     */
    @Test
    void theLegendDividesByAMagnitudeAndSaysWhereTheSignalIsNegative() {
        double[] beta = {0, 0.5, 1, 1.5};
        KljnCharts.AttackCurve current = KljnChartsIT.linear("current", "A²", beta, -6.473e-16, 0.11);
        KljnCharts.AttackCurve bsy = KljnChartsIT.linear("bsy", "V²", beta, 5.672e-11, 1.07);
        ChartSpec spec = KljnCharts.signalVersusBeta(List.of(bsy, current), 1.15);
        List<String> names = Charts.seriesNames(spec);
        assertEquals("bsy (÷ 5.672×10⁻¹¹ V², its size at β = 1)", names.get(0));
        assertEquals("current (÷ 6.473×10⁻¹⁶ A², its size at β = 1, where it is negative)", names.get(1));
        for (String n : names) {
            assertFalse(n.contains("|") || n.contains("e-"), n);
        }
        Series c = spec.series().get(1);
        assertEquals(-1, c.y()[2], 1e-12, "the curve keeps its sign: −1 at β = 1");
        assertTrue(c.y()[0] > 0, "and crosses zero at its null");
    }
}
