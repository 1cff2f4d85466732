package org.kljn.noise;

import org.apache.commons.math3.transform.DftNormalization;
import org.apache.commons.math3.transform.FastFourierTransformer;
import org.apache.commons.math3.transform.TransformType;

/**
 * Welch's averaged-periodogram estimate of the one-sided PSD (P. D. Welch, IEEE Trans. Audio Electroacoust. 15, 70,
 * 1967): segments of length L (a power of two), 50 % overlap, periodic Hann window w_n = ½(1 − cos 2πn/L), no
 * detrending. For bin k (f_k = k·f_s/L, k = 0..L/2)
 * <pre>
 *   P_k = mean over segments of  (2 / (f_s·Σw²))·|Σ_n x_n w_n e^{−j2πkn/L}|²,   without the factor 2 at k = 0, L/2,
 * </pre>
 * in units²/Hz, so a white sequence of variance σ² has E[P_k] = 2σ²/f_s, and Σ_k P_k·f_s/L equals the window-weighted
 * mean square (Parseval).
 */
public final class WelchPsd {

    private WelchPsd() {
    }

    /**
     * One-sided PSD estimate.
     *
     * @param x             samples (units)
     * @param sampleRate    f_s (Hz)
     * @param segmentLength L, a power of two ≥ 4, at most x.length
     */
    public static Estimate estimate(double[] x, double sampleRate, int segmentLength) {
        int l = segmentLength;
        if (l < 4 || Integer.bitCount(l) != 1) {
            throw new IllegalArgumentException("segment length must be a power of two >= 4: " + l);
        }
        if (x.length < l) {
            throw new IllegalArgumentException("need at least one segment: " + x.length + " < " + l);
        }
        if (!(sampleRate > 0) || Double.isInfinite(sampleRate)) {
            throw new IllegalArgumentException("sample rate must be positive and finite: " + sampleRate);
        }
        double[] w = hann(l);
        double sumW2 = 0;
        for (double v : w) {
            sumW2 += v * v;
        }
        int bins = l / 2 + 1;
        double[] acc = new double[bins];
        double[] re = new double[l];
        double[] im = new double[l];
        int step = l / 2;
        int segments = 0;
        for (int start = 0; start + l <= x.length; start += step) {
            for (int n = 0; n < l; n++) {
                re[n] = x[start + n] * w[n];
                im[n] = 0;
            }
            // X_k = Σ_n x_n e^{−j2πkn/L} (Commons Math, radix 2, in place)
            FastFourierTransformer.transformInPlace(new double[][] {re, im}, DftNormalization.STANDARD,
                    TransformType.FORWARD);
            for (int k = 0; k < bins; k++) {
                acc[k] += re[k] * re[k] + im[k] * im[k];
            }
            segments++;
        }
        double[] psd = new double[bins];
        double[] freq = new double[bins];
        for (int k = 0; k < bins; k++) {
            double oneSided = (k == 0 || k == l / 2) ? 1 : 2;
            psd[k] = oneSided * acc[k] / (segments * sampleRate * sumW2);
            freq[k] = k * sampleRate / l;
        }
        // Welch's variance factor for 50 % overlap: only adjacent segments overlap, with squared correlation
        // ρ² = (Σ_n w_n w_{n+L/2} / Σ w²)² (= 1/36 for Hann).
        double overlap = 0;
        for (int n = 0; n + step < l; n++) {
            overlap += w[n] * w[n + step];
        }
        double rho2 = (overlap / sumW2) * (overlap / sumW2);
        double equivalent = segments / (1 + 2 * rho2 * (1 - 1.0 / segments));
        return new Estimate(sampleRate, l, segments, equivalent, freq, psd);
    }

    /** Periodic Hann window of length L. */
    static double[] hann(int l) {
        double[] w = new double[l];
        for (int n = 0; n < l; n++) {
            w[n] = 0.5 * (1 - Math.cos(2 * Math.PI * n / l));
        }
        return w;
    }


    /**
     * A Welch estimate. Arrays are copied on access.
     *
     * @param sampleRate          f_s (Hz)
     * @param segmentLength       L
     * @param segments            number of averaged segments
     * @param equivalentSegments  K_eff: for a spectrum smooth over a few bins and k away from 0 and L/2, the
     *                            relative standard deviation of P_k is 1/√K_eff (it is √2 larger at k = 0, L/2)
     * @param frequencies         f_k = k·f_s/L (Hz), k = 0..L/2
     * @param psd                 P_k (units²/Hz)
     */
    public record Estimate(double sampleRate, int segmentLength, int segments, double equivalentSegments,
                           double[] frequencies, double[] psd) {

        public Estimate {
            frequencies = frequencies.clone();
            psd = psd.clone();
        }

        @Override
        public double[] frequencies() {
            return frequencies.clone();
        }

        @Override
        public double[] psd() {
            return psd.clone();
        }

        public int bins() {
            return psd.length;
        }

        public double frequency(int k) {
            return frequencies[k];
        }

        public double psd(int k) {
            return psd[k];
        }

        /** Bin width f_s/L (Hz). */
        public double binWidth() {
            return sampleRate / segmentLength;
        }

        /** Σ_k P_k·f_s/L (units²): the window-weighted mean square. */
        public double integratedPower() {
            double s = 0;
            for (double p : psd) {
                s += p;
            }
            return s * binWidth();
        }
    }
}
