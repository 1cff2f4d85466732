package org.kljn.analysis.montecarlo;

import org.apache.commons.math3.transform.DftNormalization;
import org.apache.commons.math3.transform.FastFourierTransformer;
import org.apache.commons.math3.transform.TransformType;

/**
 * The half-bin DFT of two real sequences on N points, Y_m = Σ_{n=0}^{N−1} x_n e^{−iπ(2m+1)n/N} (the sums behind
 * the likelihood-ratio detector's bins f = (m + ½)/τ on a uniform grid of N segments, see {@link BinTransform}), for
 * a chosen set of m, with one complex FFT pair per call:
 * <ul>
 *   <li>U and I are packed as z = u + i·i; since u, i are real, U_m = (Z_m + conj Z_{N−1−m})/2 and
 *       I_m = (Z_m − conj Z_{N−1−m})/(2i), because e^{+iπ(2(N−1−m)+1)n/N} = e^{−iπ(2m+1)n/N}.</li>
 *   <li>Z_m = Σ z_n e^{−iπn/N} e^{−2πimn/N} is a length-N DFT, computed by Bluestein's chirp-z on Commons Math's
 *       power-of-two FFT: with mn = (m² + n² − (m−n)²)/2, Z_m = w_m Σ_n (z_n e^{−iπn/N} w_n) conj(w_{m−n}),
 *       w_j = e^{−iπ j²/N}, a linear convolution of length 2N − 1 done as a circular one of length L ≥ 2N − 1.</li>
 *   <li>For few bins (N·bins ≤ 2 L log2 L) a direct sum with a table of e^{−iπj/N} (j mod 2N) is cheaper and is
 *       used instead.</li>
 * </ul>
 * All phases come from integer arithmetic modulo 2N (no accumulated rotation), so the error is a few ulps times
 * log L of the sequence's norm. Immutable after construction; {@link #transform} uses caller-owned scratch.
 */
final class HalfBinDft {
    private final int n;
    private final int[] bins;
    private final boolean direct;
    // e^{-iπ j/N}, j = 0 … 2N−1 (direct sum)
    private final double[] twRe, twIm;
    // Bluestein: e^{-iπ(n + n²)/N} (input), FFT of the filter conj(w_j), w_m at the bins (output)
    private final int length;
    private final double[] preRe, preIm, filterRe, filterIm, postRe, postIm, postMirrorRe, postMirrorIm;

    /**
     * @param n    the number of segments (points 0 … N−1 enter the sum)
     * @param bins the m of each wanted output, 0 ≤ m &lt; N
     */
    HalfBinDft(int n, int[] bins) {
        this(n, bins, null);
    }

    /** With the evaluation forced (for timing and tests): true the direct sum, false Bluestein. */
    static HalfBinDft forTest(int n, int[] bins, boolean direct) {
        return new HalfBinDft(n, bins, direct);
    }

    private HalfBinDft(int n, int[] bins, Boolean forceDirect) {
        this.n = n;
        this.bins = bins.clone();
        int l = Integer.highestOneBit(Math.max(1, 2 * n - 1));
        if (l < 2 * n - 1) {
            l <<= 1;
        }
        this.length = l;
        // measured (2 cores, JDK 17): the direct sum costs about 1.1 ns per point and bin, Bluestein about 2.3 ns per
        // L log2 L (both FFTs); at 100-128 bins Bluestein is 2-5x faster from N = 200 up, the direct sum wins for
        // a few bins only
        double bluesteinCost = 2.0 * l * (31 - Integer.numberOfLeadingZeros(l));
        double directCost = (double) n * bins.length;
        this.direct = forceDirect != null ? forceDirect : directCost <= bluesteinCost;
        if (direct) {
            twRe = new double[2 * n];
            twIm = new double[2 * n];
            for (int j = 0; j < 2 * n; j++) {
                twRe[j] = Math.cos(Math.PI * j / n);
                twIm[j] = -Math.sin(Math.PI * j / n);
            }
            preRe = preIm = filterRe = filterIm = postRe = postIm = postMirrorRe = postMirrorIm = null;
            return;
        }
        twRe = twIm = null;
        preRe = new double[n];
        preIm = new double[n];
        for (int j = 0; j < n; j++) {
            long phase = ((long) j + (long) j * j) % (2L * n);
            preRe[j] = Math.cos(Math.PI * phase / n);
            preIm[j] = -Math.sin(Math.PI * phase / n);
        }
        double[][] filter = new double[2][l];
        for (int j = 0; j < n; j++) {
            double a = Math.PI * (((long) j * j) % (2L * n)) / n;
            // conj(w_j) = e^{+iπ j²/N} at j and at L − j (the negative lags)
            filter[0][j] = Math.cos(a);
            filter[1][j] = Math.sin(a);
            if (j > 0) {
                filter[0][l - j] = Math.cos(a);
                filter[1][l - j] = Math.sin(a);
            }
        }
        FastFourierTransformer.transformInPlace(filter, DftNormalization.STANDARD, TransformType.FORWARD);
        filterRe = filter[0];
        filterIm = filter[1];
        postRe = new double[bins.length];
        postIm = new double[bins.length];
        postMirrorRe = new double[bins.length];
        postMirrorIm = new double[bins.length];
        for (int k = 0; k < bins.length; k++) {
            long m = bins[k], mirror = n - 1 - bins[k];
            double a = Math.PI * ((m * m) % (2L * n)) / n;
            double b = Math.PI * ((mirror * mirror) % (2L * n)) / n;
            postRe[k] = Math.cos(a);
            postIm[k] = -Math.sin(a);
            postMirrorRe[k] = Math.cos(b);
            postMirrorIm[k] = -Math.sin(b);
        }
    }

    /** The m of output k. */
    int bin(int k) {
        return bins[k];
    }

    int points() {
        return n;
    }

    boolean direct() {
        return direct;
    }

    /** Scratch for {@link #transform}: two arrays of the FFT length (empty for the direct sum). */
    double[][] scratch() {
        return direct ? new double[2][0] : new double[2][length];
    }

    /**
     * Y_m of u and of i at the bins, written to {@code out} as {Re U, Im U, Re I, Im I} per bin.
     *
     * @param u, i the samples x_0 … x_{N−1} (longer arrays: the rest is ignored)
     */
    void transform(double[] u, double[] i, double[][] scratch, double[] uRe, double[] uIm, double[] iRe,
            double[] iIm) {
        if (direct) {
            directSum(u, i, uRe, uIm, iRe, iIm);
            return;
        }
        double[] zr = scratch[0], zi = scratch[1];
        // U (volts) and I (amps) differ by about the loop's resistance: the FFT's rounding is relative to the
        // packed sequence, so I is scaled to U's size first, by a power of two (exact)
        double maxU = 0, maxI = 0;
        for (int j = 0; j < n; j++) {
            maxU = Math.max(maxU, Math.abs(u[j]));
            maxI = Math.max(maxI, Math.abs(i[j]));
        }
        double scale = maxU > 0 && maxI > 0 ? Math.scalb(1.0, Math.getExponent(maxU) - Math.getExponent(maxI)) : 1;
        for (int j = 0; j < n; j++) {
            double ij = i[j] * scale;
            zr[j] = u[j] * preRe[j] - ij * preIm[j];
            zi[j] = u[j] * preIm[j] + ij * preRe[j];
        }
        java.util.Arrays.fill(zr, n, length, 0);
        java.util.Arrays.fill(zi, n, length, 0);
        FastFourierTransformer.transformInPlace(scratch, DftNormalization.STANDARD, TransformType.FORWARD);
        for (int j = 0; j < length; j++) {
            double a = zr[j], b = zi[j];
            zr[j] = a * filterRe[j] - b * filterIm[j];
            zi[j] = a * filterIm[j] + b * filterRe[j];
        }
        // STANDARD inverse divides by L: the circular convolution itself
        FastFourierTransformer.transformInPlace(scratch, DftNormalization.STANDARD, TransformType.INVERSE);
        for (int k = 0; k < bins.length; k++) {
            int m = bins[k], mirror = n - 1 - m;
            double ar = zr[m] * postRe[k] - zi[m] * postIm[k];
            double ai = zr[m] * postIm[k] + zi[m] * postRe[k];
            double br = zr[mirror] * postMirrorRe[k] - zi[mirror] * postMirrorIm[k];
            double bi = zr[mirror] * postMirrorIm[k] + zi[mirror] * postMirrorRe[k];
            // U = (Z_m + conj Z_mirror)/2, I = (Z_m − conj Z_mirror)/(2i)
            uRe[k] = 0.5 * (ar + br);
            uIm[k] = 0.5 * (ai - bi);
            iRe[k] = 0.5 * (ai + bi) / scale;
            iIm[k] = -0.5 * (ar - br) / scale;
        }
    }

    private void directSum(double[] u, double[] i, double[] uRe, double[] uIm, double[] iRe, double[] iIm) {
        int twoN = 2 * n;
        for (int k = 0; k < bins.length; k++) {
            int stride = 2 * bins[k] + 1;
            double sur = 0, sui = 0, sir = 0, sii = 0;
            int idx = 0;
            for (int j = 0; j < n; j++) {
                double c = twRe[idx], s = twIm[idx];
                sur += u[j] * c;
                sui += u[j] * s;
                sir += i[j] * c;
                sii += i[j] * s;
                idx += stride;
                if (idx >= twoN) {
                    // stride < 2N: one wrap at most
                    idx -= twoN;
                }
            }
            uRe[k] = sur;
            uIm[k] = sui;
            iRe[k] = sir;
            iIm[k] = sii;
        }
    }
}
