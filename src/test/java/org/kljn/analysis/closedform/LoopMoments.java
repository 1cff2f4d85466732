package org.kljn.analysis.closedform;

import org.kljn.noise.Johnson;

import org.kljn.analysis.exact.Probe;

import java.util.Objects;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegrator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;
import org.apache.commons.math3.complex.Complex;

/**
 * Second moments of the four probes of the KLJN loop, from the transfer functions:
 * <pre>
 *   &lt;X Y&gt; = sum over sources s of  integral_band  S_s(f) Re[ H_sX(f) conj(H_sY(f)) ] df,
 *   S_a(f) = 4 k T_A R_A g(f),  S_b(f) = 4 k T_B R_B g(f)
 * </pre>
 * (one-sided PSDs; the generators are independent, so there is no a-b cross term). Each source's
 * contribution is kept separately: the paper's eqs. 3-4 are per-generator cable heating.
 *
 * <h2>Quadrature and accuracy</h2>
 * Composite Gauss-Legendre (Commons Math's {@link GaussIntegratorFactory} rule, {@value #GAUSS_POINTS}
 * points per panel), doubling the number of equal panels until, for every source s and probe pair (X, Y),
 * two successive estimates differ by at most {@code relativeAccuracy * sqrt(<X^2>_s <Y^2>_s)}. The
 * Cauchy-Schwarz bound {@code sqrt(<X^2><Y^2>)} is the natural scale of {@code |<XY>|}, so the criterion stays
 * meaningful for cross moments that vanish. The difference of successive estimates bounds the error of the
 * coarser one, so the returned (finer) estimate is at least that accurate. All 20 integrands (2 sources x 10
 * probe pairs) share one loop solve per frequency node, which is why one vector quadrature is used instead
 * of 20 scalar {@code IterativeLegendreGaussIntegrator} runs.
 *
 * <p>Consequence for the attack signals (differences of moments): their absolute error is about
 * {@code relativeAccuracy} times the moments being subtracted, NOT times the signal. Near a null (such as
 * the &beta; that cancels a signal) ask for a correspondingly small relative accuracy.
 *
 * <p>Units: V^2 for voltage pairs, A^2 for current pairs, W for voltage-current pairs.
 */
public final class LoopMoments {

    /** Gauss-Legendre points per panel; exact for polynomial integrands up to degree 19. */
    public static final int GAUSS_POINTS = 10;

    /** Default relative accuracy (see class comment for what it is relative to). */
    public static final double DEFAULT_RELATIVE_ACCURACY = 1e-10;

    /** Panel doubling stops here with an exception: 2^20 panels are ~10^7 loop solves. */
    private static final int MAX_PANELS = 1 << 20;

    private static final Probe[] PROBES = Probe.values();
    private static final NoiseSource[] SOURCES = NoiseSource.values();

    /** moments[source][x][y], symmetric in x, y. */
    private final double[][][] moments;
    private final int panels;
    private final double relativeAccuracy;

    private LoopMoments(double[][][] moments, int panels, double relativeAccuracy) {
        this.moments = moments;
        this.panels = panels;
        this.relativeAccuracy = relativeAccuracy;
    }

    /**
     * Integrates the loop's second moments over the band.
     *
     * @param resistanceA R_A, ohms
     * @param resistanceB R_B, ohms
     * @param temperatureA T_A of Alice's generator, kelvin
     * @param temperatureB T_B of Bob's generator, kelvin
     * @param cable omega -&gt; ABCD of the cable (input = end A)
     * @param band the generators' band and shape g(f)
     * @param relativeAccuracy target accuracy, relative to each moment's Cauchy-Schwarz scale (see class comment)
     * @throws IllegalStateException if the target is not met with {@code 2^20} panels
     */
    public static LoopMoments compute(double resistanceA, double resistanceB, double temperatureA, double temperatureB,
                                      CableModel cable, NoiseBand band, double relativeAccuracy) {
        Objects.requireNonNull(cable, "cable");
        Objects.requireNonNull(band, "band");
        if (!(relativeAccuracy > 0.0)) {
            throw new IllegalArgumentException("relativeAccuracy must be > 0, was " + relativeAccuracy);
        }
        // Rule on [-1, 1], mapped onto each panel.
        GaussIntegrator rule = new GaussIntegratorFactory().legendreHighPrecision(GAUSS_POINTS);
        double psdA = Johnson.voltagePsd(temperatureA, resistanceA);
        double psdB = Johnson.voltagePsd(temperatureB, resistanceB);

        double[][][] previous = integrate(resistanceA, resistanceB, psdA, psdB, cable, band, rule, 1);
        for (int panels = 2; panels <= MAX_PANELS; panels *= 2) {
            double[][][] current = integrate(resistanceA, resistanceB, psdA, psdB, cable, band, rule, panels);
            if (converged(previous, current, relativeAccuracy)) {
                return new LoopMoments(current, panels, relativeAccuracy);
            }
            previous = current;
        }
        throw new IllegalStateException("second moments did not converge to " + relativeAccuracy
                + " with " + MAX_PANELS + " panels of " + GAUSS_POINTS + "-point Gauss-Legendre");
    }

    /** As {@link #compute(double, double, double, double, CableModel, NoiseBand, double)} for a bit situation. */
    public static LoopMoments compute(BitSituation bit, CableModel cable, NoiseBand band, double relativeAccuracy) {
        return compute(bit.resistanceA(), bit.resistanceB(), bit.temperatureA(), bit.temperatureB(),
                cable, band, relativeAccuracy);
    }

    private static double[][][] integrate(double rA, double rB, double psdA, double psdB, CableModel cable,
                                          NoiseBand band, GaussIntegrator rule, int panels) {
        double[][][] sum = new double[2][4][4];
        double width = (band.upperFrequency() - band.lowerFrequency()) / panels;
        for (int p = 0; p < panels; p++) {
            double mid = band.lowerFrequency() + (p + 0.5) * width;
            for (int i = 0; i < rule.getNumberOfPoints(); i++) {
                double f = mid + 0.5 * width * rule.getPoint(i);
                double weight = 0.5 * width * rule.getWeight(i) * band.gain(f);
                if (weight == 0.0) {
                    continue;
                }
                LoopTransfer h = LoopTransfer.of(rA, rB, cable.at(2.0 * Math.PI * f));
                accumulate(sum[0], h.fromAlice(), weight * psdA);
                accumulate(sum[1], h.fromBob(), weight * psdB);
            }
        }
        // Fill the lower triangle.
        for (double[][] m : sum) {
            for (int x = 0; x < 4; x++) {
                for (int y = 0; y < x; y++) {
                    m[x][y] = m[y][x];
                }
            }
        }
        return sum;
    }

    private static void accumulate(double[][] m, LoopTransfer.Response response, double factor) {
        Complex[] h = new Complex[4];
        for (Probe probe : PROBES) {
            h[probe.ordinal()] = response.to(probe);
        }
        for (int x = 0; x < 4; x++) {
            for (int y = x; y < 4; y++) {
                // Re[h_x conj(h_y)] without allocating.
                double re = h[x].getReal() * h[y].getReal() + h[x].getImaginary() * h[y].getImaginary();
                m[x][y] += factor * re;
            }
        }
    }

    private static boolean converged(double[][][] coarse, double[][][] fine, double relativeAccuracy) {
        for (int s = 0; s < 2; s++) {
            for (int x = 0; x < 4; x++) {
                for (int y = x; y < 4; y++) {
                    double scale = Math.sqrt(Math.abs(fine[s][x][x] * fine[s][y][y]));
                    if (!(Math.abs(fine[s][x][y] - coarse[s][x][y]) <= relativeAccuracy * scale)) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /** {@code <X Y>}, both generators: V^2, W or A^2. */
    public double secondMoment(Probe x, Probe y) {
        return secondMoment(NoiseSource.ALICE, x, y) + secondMoment(NoiseSource.BOB, x, y);
    }

    /** The contribution of one generator to {@code <X Y>}. */
    public double secondMoment(NoiseSource source, Probe x, Probe y) {
        return moments[source.ordinal()][x.ordinal()][y.ordinal()];
    }

    /** {@code <U_A^2>}, V^2. */
    public double meanSquareVoltageA() {
        return secondMoment(Probe.U_A, Probe.U_A);
    }

    /** {@code <U_B^2>}, V^2. */
    public double meanSquareVoltageB() {
        return secondMoment(Probe.U_B, Probe.U_B);
    }

    /** {@code <I_A^2>}, A^2. */
    public double meanSquareCurrentA() {
        return secondMoment(Probe.I_A, Probe.I_A);
    }

    /** {@code <I_B^2>}, A^2. */
    public double meanSquareCurrentB() {
        return secondMoment(Probe.I_B, Probe.I_B);
    }

    /** {@code P_A = <U_A I_A>}: mean power into the cable at end A, W (the paper's P_HL when Alice holds R_H). */
    public double powerIntoCableA() {
        return secondMoment(Probe.U_A, Probe.I_A);
    }

    /** {@code P_B = -<U_B I_B>}: mean power into the cable at end B, W. */
    public double powerIntoCableB() {
        return -secondMoment(Probe.U_B, Probe.I_B);
    }

    /** One generator's share of {@link #powerIntoCableA()}. */
    public double powerIntoCableA(NoiseSource source) {
        return secondMoment(source, Probe.U_A, Probe.I_A);
    }

    /** One generator's share of {@link #powerIntoCableB()}. */
    public double powerIntoCableB(NoiseSource source) {
        return -secondMoment(source, Probe.U_B, Probe.I_B);
    }

    /** {@code P_A + P_B}: mean power dissipated in the cable, W. Equal to the paper's printed eq. 7 for a lumped cable. */
    public double cableDissipation() {
        return powerIntoCableA() + powerIntoCableB();
    }

    /**
     * Cable heating by one generator alone (the paper's eqs. 3-4 for a lumped cable: P_Hc, P_Lc). The two
     * add up to {@link #cableDissipation()} because the generators are uncorrelated.
     */
    public double cableDissipation(NoiseSource source) {
        return powerIntoCableA(source) + powerIntoCableB(source);
    }

    /** BSY signal {@code <U_A^2> - <U_B^2>}, V^2 (paper eq. 1 is its magnitude for a lumped cable at &beta; = 1). */
    public double bsySignal() {
        return meanSquareVoltageA() - meanSquareVoltageB();
    }

    /** Second-Law signal {@code P_A - P_B}, W (paper eqs. 8-9: &Delta;P_AB = &lt;(U_A + U_B) I&gt;). */
    public double secondLawSignal() {
        return powerIntoCableA() - powerIntoCableB();
    }

    /** Current signal {@code <I_A^2> - <I_B^2>}, A^2: identically 0 for a lumped cable, not for one with shunt C. */
    public double currentSignal() {
        return meanSquareCurrentA() - meanSquareCurrentB();
    }

    /** Number of quadrature panels that met the accuracy target. */
    public int panels() {
        return panels;
    }

    /** The requested relative accuracy. */
    public double relativeAccuracy() {
        return relativeAccuracy;
    }

    @Override
    public String toString() {
        return String.format("LoopMoments[<UA^2>=%.6e V^2, <UB^2>=%.6e V^2, <IA^2>=%.6e A^2, <IB^2>=%.6e A^2, "
                        + "PA=%.6e W, PB=%.6e W, panels=%d]",
                meanSquareVoltageA(), meanSquareVoltageB(), meanSquareCurrentA(), meanSquareCurrentB(),
                powerIntoCableA(), powerIntoCableB(), panels);
    }
}
