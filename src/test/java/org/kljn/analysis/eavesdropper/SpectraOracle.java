package org.kljn.analysis.eavesdropper;

import org.apache.commons.math3.analysis.integration.IterativeLegendreGaussIntegrator;
import org.apache.commons.math3.complex.Complex;
import org.kljn.analysis.closedform.LoopTransfer;
import org.kljn.analysis.closedform.TwoPort;
import org.kljn.analysis.exact.NoiseTemperatures;
import org.kljn.circuit.Resistor;

import java.util.function.DoubleFunction;

/**
 * Test oracle: the cross-spectral matrices of (U_A, I_A) and the Jeffreys rate from the closed-form two-port of
 * the cable ({@link TwoPort}, {@link LoopTransfer}) in complex arithmetic, integrated by Gauss-Legendre: no ngspice,
 * no Simpson, no eigenvalues.
 */
public final class SpectraOracle {
    private SpectraOracle() {
    }

    /** G/(4k) at angular frequency omega as {{G_UU, G_UI}, {G_IU, G_II}}. */
    static Complex[][] matrix(double rl, double rh, Resistor aliceHolds, TwoPort cable, NoiseTemperatures t) {
        double ra = aliceHolds == Resistor.H ? rh : rl;
        double rb = aliceHolds == Resistor.H ? rl : rh;
        double ta = t.alice(aliceHolds);
        double tb = t.bob(aliceHolds.other());
        LoopTransfer lt = LoopTransfer.of(ra, rb, cable);
        Complex[] ha = {lt.fromAlice().voltageA(), lt.fromAlice().currentA()};
        Complex[] hb = {lt.fromBob().voltageA(), lt.fromBob().currentA()};
        Complex[][] g = new Complex[2][2];
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                g[i][j] = ha[i].multiply(ha[j].conjugate()).multiply(ta * ra)
                        .add(hb[i].multiply(hb[j].conjugate()).multiply(tb * rb));
            }
        }
        return g;
    }

    static Complex[][] inverse(Complex[][] m) {
        Complex det = m[0][0].multiply(m[1][1]).subtract(m[0][1].multiply(m[1][0]));
        return new Complex[][] {{m[1][1].divide(det), m[0][1].negate().divide(det)},
                {m[1][0].negate().divide(det), m[0][0].divide(det)}};
    }

    static Complex traceOfProduct(Complex[][] a, Complex[][] b) {
        return a[0][0].multiply(b[0][0]).add(a[0][1].multiply(b[1][0]))
                .add(a[1][0].multiply(b[0][1])).add(a[1][1].multiply(b[1][1]));
    }

    /** tr(G_LH⁻¹G_HL) + tr(G_HL⁻¹G_LH) − 4 at one frequency. */
    static double jeffreysIntegrand(double rl, double rh, TwoPort cable, NoiseTemperatures t) {
        Complex[][] hl = matrix(rl, rh, Resistor.H, cable, t);
        Complex[][] lh = matrix(rl, rh, Resistor.L, cable, t);
        return traceOfProduct(inverse(lh), hl).add(traceOfProduct(inverse(hl), lh)).getReal() - 4;
    }

    /** J = ∫_0^Δf [tr(G_LH⁻¹G_HL) + tr(G_HL⁻¹G_LH) − 4] df by iterative Gauss-Legendre. */
    public static double jeffreysRate(double rl, double rh, DoubleFunction<TwoPort> cableAtOmega, NoiseTemperatures t,
            double bandwidth) {
        IterativeLegendreGaussIntegrator gl = new IterativeLegendreGaussIntegrator(16, 1e-12, 1e-300);
        return gl.integrate(1_000_000,
                f -> jeffreysIntegrand(rl, rh, cableAtOmega.apply(2 * Math.PI * f), t), 0, bandwidth);
    }
}
