package org.kljn.analysis.montecarlo;

import org.apache.commons.math3.analysis.integration.gauss.GaussIntegrator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;
import org.apache.commons.math3.util.CombinatoricsUtils;
import org.junit.jupiter.api.Test;
import org.kljn.analysis.exact.Probe;
import org.kljn.circuit.Probes;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The streamed Legendre coefficients of a piecewise-linear waveform against an independent quadrature. */
class LegendreProjectionTest {
    /**
     * P_n(cos θ) = Σ_k a_k a_{n−k} cos((n − 2k)θ), a_k = C(2k, k)/4^k: all terms positive, no recurrence, no
     * cancellation (an evaluation independent of the code under test).
     */
    static double legendre(int n, double x) {
        double theta = Math.acos(Math.max(-1, Math.min(1, x)));
        double s = 0;
        for (int k = 0; k <= n; k++) {
            s += a(k) * a(n - k) * Math.cos((n - 2 * k) * theta);
        }
        return s;
    }

    private static double a(int k) {
        return Math.exp(CombinatoricsUtils.binomialCoefficientLog(2 * k, k) - k * Math.log(4));
    }

    /** φ_n(t) = √((2n+1)/τ) P_n(2t/τ − 1). */
    static double basis(int n, double t, double tau) {
        return Math.sqrt((2 * n + 1) / tau) * legendre(n, 2 * t / tau - 1);
    }

    /** ∫ ℓ φ_n over each segment by a Gauss-Legendre rule exact for its degree (n + 1 ≤ 2·40 − 1). */
    static double[] reference(double[] t, double[] y, double tau, int order) {
        GaussIntegrator rule = new GaussIntegratorFactory().legendre(40, 0, 1);
        double[] c = new double[order];
        for (int j = 1; j < t.length; j++) {
            double t0 = t[j - 1], t1 = t[j];
            for (int i = 0; i < rule.getNumberOfPoints(); i++) {
                double v = rule.getPoint(i);
                double time = t0 + v * (t1 - t0);
                double level = y[j - 1] + v * (y[j] - y[j - 1]);
                for (int n = 0; n < order; n++) {
                    c[n] += rule.getWeight(i) * (t1 - t0) * level * basis(n, time, tau);
                }
            }
        }
        return c;
    }

    /**
     * A random piecewise-linear waveform on an uneven grid of 60 points over a window of 0.02 s, 40 coefficients:
     * the exact antiderivative form equals the quadrature to 1e-12 of the waveform's scale (a formula error, e.g. a
     * wrong sign of the slope term or an index shifted by one, changes coefficients by O(1)).
     */
    @Test
    void exactOnUnevenSegments() {
        Random r = new Random(20261207L);
        double tau = 0.02;
        int points = 60;
        double[] t = new double[points];
        double[] y = new double[points];
        for (int j = 1; j < points; j++) {
            t[j] = t[j - 1] + 0.2 + r.nextDouble();
        }
        double scale = tau / t[points - 1];
        for (int j = 0; j < points; j++) {
            t[j] *= scale;
            y[j] = r.nextGaussian();
        }
        t[points - 1] = tau;
        double[] got = LegendreProjection.project(t, y, tau, 40);
        double[] want = reference(t, y, tau, 40);
        assertArrayEquals(want, got, 1e-12 * Math.sqrt(tau));
    }

    /**
     * A basis function sampled densely (4000 steps) projects onto itself: coefficient 1 on its own index and
     * ~0 elsewhere, within the linear interpolant's error (h²/12 relative to its curvature: ≤ 1e-4 here).
     */
    @Test
    void basisFunctionProjectsOntoItself() {
        double tau = 1;
        int steps = 4000;
        double[] t = new double[steps + 1];
        double[] y = new double[steps + 1];
        for (int j = 0; j <= steps; j++) {
            t[j] = tau * j / steps;
            y[j] = basis(7, t[j], tau);
        }
        double[] c = LegendreProjection.project(t, y, tau, 12);
        for (int n = 0; n < 12; n++) {
            assertEquals(n == 7 ? 1 : 0, c[n], 1e-4, "coefficient " + n);
        }
    }

    /**
     * The stream listener splits a step straddling a window's start and end by linear interpolation and hands
     * each window's U_A and I_A coefficients over: equal to the one-off projection of the same waveform cut at the
     * window's ends (two windows, a guard between them, steps that do not land on the boundaries).
     */
    @Test
    void streamSplitsStepsAtTheWindows() {
        double guard = 0.013, tau = 0.05;
        BitWindows windows = new BitWindows(2, guard, tau);
        int order = 9;
        List<double[]> got = new ArrayList<>();
        LegendreProjection stream = new LegendreProjection(windows, order, (w, c) -> got.add(c));
        List<String> names = List.of("time", Probes.VECTORS[0], Probes.VECTORS[1], Probes.VECTORS[2],
                Probes.VECTORS[3]);
        stream.plotStarted("tran1", "Transient Analysis", names);
        double h = 0.0017;
        java.util.function.DoubleUnaryOperator u = x -> Math.sin(140 * x) + 0.3 * x;
        java.util.function.DoubleUnaryOperator i = x -> 1e-3 * Math.cos(90 * x);
        int uCol = 1 + Probe.U_A.ordinal(), iCol = 1 + Probe.I_A.ordinal();
        int n = (int) Math.ceil(windows.stopTime() / h) + 1;
        for (int k = 0; k < n; k++) {
            double time = k * h;
            double[] row = new double[5];
            row[0] = time;
            row[uCol] = u.applyAsDouble(time);
            row[iCol] = i.applyAsDouble(time);
            stream.point(k, row, new double[5]);
        }
        assertEquals(2, got.size());
        for (int w = 0; w < 2; w++) {
            double start = windows.measurementStart(w), end = windows.measurementEnd(w);
            List<Double> ts = new ArrayList<>();
            ts.add(start);
            for (int k = 0; k < n; k++) {
                if (k * h > start && k * h < end) {
                    ts.add(k * h);
                }
            }
            ts.add(end);
            double[] tt = new double[ts.size()];
            double[] uu = new double[ts.size()];
            double[] ii = new double[ts.size()];
            for (int j = 0; j < tt.length; j++) {
                double time = ts.get(j);
                // the interpolant between the grid's points, not the function itself, at the cut points
                int k = Math.min(n - 2, (int) Math.floor(time / h));
                double f = (time - k * h) / h;
                uu[j] = u.applyAsDouble(k * h) + f * (u.applyAsDouble((k + 1) * h) - u.applyAsDouble(k * h));
                ii[j] = i.applyAsDouble(k * h) + f * (i.applyAsDouble((k + 1) * h) - i.applyAsDouble(k * h));
                tt[j] = time - start;
            }
            double[] cu = LegendreProjection.project(tt, uu, tau, order);
            double[] ci = LegendreProjection.project(tt, ii, tau, order);
            double[] c = got.get(w);
            for (int m = 0; m < order; m++) {
                assertEquals(cu[m], c[m], 1e-12, "U_A coefficient " + m + " of window " + w);
                assertEquals(ci[m], c[order + m], 1e-15, "I_A coefficient " + m + " of window " + w);
            }
        }
    }
}
