package org.kljn.report;

import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The security map's colours: a new user's map painted every cell near 0.5 white, on a white background, so the
 * secure region vanished and 0.5001 looked like 0.505.
 */
class SecurityMapChartTest {
    /** Euclidean distance in RGB (0..441): 40 is plainly visible side by side. */
    private static double distance(Color a, Color b) {
        return Math.sqrt(Math.pow(a.getRed() - b.getRed(), 2) + Math.pow(a.getGreen() - b.getGreen(), 2)
                + Math.pow(a.getBlue() - b.getBlue(), 2));
    }

    @Test
    void cellsNearOneHalfStayApartFromEachOtherAndFromTheBackground() {
        List<Double> successes = List.of(0.5, 0.5001, 0.501, 0.51, 0.6, 1.0);
        for (int i = 0; i < successes.size(); i++) {
            Color c = SecurityMapChart.EDGE.colourOf(successes.get(i));
            assertTrue(distance(c, SecurityMapChart.BACKGROUND) > 40, successes.get(i) + " vs background: " + c);
            assertTrue(distance(c, Color.WHITE) > 40, successes.get(i) + " vs white page: " + c);
            for (int j = 0; j < i; j++) {
                Color d = SecurityMapChart.EDGE.colourOf(successes.get(j));
                assertTrue(distance(c, d) > 40, successes.get(i) + " vs " + successes.get(j) + ": " + c + ", " + d);
            }
        }
    }
}
