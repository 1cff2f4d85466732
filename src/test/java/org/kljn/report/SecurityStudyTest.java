package org.kljn.report;

import org.junit.jupiter.api.Test;
import org.kljn.analysis.eavesdropper.OptimalEavesdropper;
import org.kljn.analysis.exact.NoiseTemperatures;
import org.kljn.analysis.study.LineSecurity;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The main job's verdict in one sentence, on both sides of 0.5 + ε. */
class SecurityStudyTest {
    private static LineSecurity line(double success) {
        return new LineSecurity(1000, 500, 1000, 0.01, new OptimalEavesdropper.Defence(
                new NoiseTemperatures(1, 0.9735, 1, 0.9735), 58.6), success, false, 6.479, 3.149);
    }

    @Test
    void notSecure() {
        assertEquals("KLJN over 1000 m of cat5 at 500 Hz is not secure against the best second-order eavesdropper for"
                + " bits of 1000 Nyquist samples (1 s): with the best temperature defence her success is 0.9999, above"
                + " 0.5 + 0.010.", SecurityStudy.sentence(line(0.99991), "cat5"));
    }

    @Test
    void secure() {
        assertEquals("KLJN over 1000 m of cat5 at 500 Hz is secure against the best second-order eavesdropper for"
                + " bits of 1000 Nyquist samples (1 s): with the best temperature defence her success is 0.5040, within"
                + " 0.5 + 0.010.", SecurityStudy.sentence(line(0.504), "cat5"));
    }
}
