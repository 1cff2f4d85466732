package org.kljn.analysis;

/**
 * The finite Fourier transform x(f_k) = ∫_0^τ x(t) e^{−2πi f_k t} dt of two signals (U_A and I_A) at a fixed set
 * of bins, accumulated segment by segment while a bit streams past (memory: the bins, not the samples). Between
 * accepted points the signals are linear (the trapezoidal solver's interpolant, as in {@link WindowMoments}), and
 * each segment is integrated exactly: with φ = ω·Δt and the phase E_a = e^{−iω t_a} at its start,
 * <pre>
 *   ∫_seg x e^{−iωt} dt = E_a Δt [x_a F0(φ) + (x_b − x_a) F1(φ)],   F0 = ∫_0^1 e^{−iφv} dv,  F1 = ∫_0^1 v e^{−iφv} dv.
 * </pre>
 * For the usual step (the noise grid) F0, F1 and the rotation e^{−iφ} are precomputed per bin.
 */
public final class BinTransform {
    private final double[] omega;
    private final double step;
    private final double[] rotRe, rotIm, f0Re, f0Im, f1Re, f1Im;
    private final double[] phRe, phIm;
    private final double[] uRe, uIm, iRe, iIm;
    private double elapsed;
    private final double[] tmp = new double[6];

    /**
     * @param frequency the bins, Hz
     * @param step      the usual segment length Δt, s (other lengths are handled, more slowly)
     */
    public BinTransform(double[] frequency, double step) {
        int n = frequency.length;
        omega = new double[n];
        rotRe = new double[n];
        rotIm = new double[n];
        f0Re = new double[n];
        f0Im = new double[n];
        f1Re = new double[n];
        f1Im = new double[n];
        phRe = new double[n];
        phIm = new double[n];
        uRe = new double[n];
        uIm = new double[n];
        iRe = new double[n];
        iIm = new double[n];
        this.step = step;
        for (int k = 0; k < n; k++) {
            omega[k] = 2 * Math.PI * frequency[k];
            kernels(omega[k] * step, tmp);
            rotRe[k] = tmp[0];
            rotIm[k] = tmp[1];
            f0Re[k] = tmp[2];
            f0Im[k] = tmp[3];
            f1Re[k] = tmp[4];
            f1Im[k] = tmp[5];
        }
        reset();
    }

    /** Starts a new bit at time 0. */
    public void reset() {
        java.util.Arrays.fill(phRe, 1);
        java.util.Arrays.fill(phIm, 0);
        java.util.Arrays.fill(uRe, 0);
        java.util.Arrays.fill(uIm, 0);
        java.util.Arrays.fill(iRe, 0);
        java.util.Arrays.fill(iIm, 0);
        elapsed = 0;
    }

    /** Adds the segment of length {@code dt} from the current time, U and I linear from (u0, i0) to (u1, i1). */
    public void segment(double dt, double u0, double i0, double u1, double i1) {
        if (Math.abs(dt - step) <= 1e-9 * step) {
            usualSegment(dt, u0, i0, u1, i1);
        } else {
            oddSegment(dt, u0, i0, u1, i1);
        }
        elapsed += dt;
    }

    /**
     * The usual step, once per accepted point for every bin: precomputed kernels and a rotation of the phase, in a
     * branch-free loop over the bins that the JIT can vectorise (the same operations, in the same order, as before).
     */
    private void usualSegment(double dt, double u0, double i0, double u1, double i1) {
        double du = u1 - u0, di = i1 - i0;
        double[] f0r = f0Re, f0i = f0Im, f1r = f1Re, f1i = f1Im, rr = rotRe, ri = rotIm;
        double[] pRe = phRe, pIm = phIm, uR = uRe, uI = uIm, iR = iRe, iI = iIm;
        int n = omega.length;
        for (int k = 0; k < n; k++) {
            double a0r = f0r[k], a0i = f0i[k], a1r = f1r[k], a1i = f1i[k];
            double qr = pRe[k], qi = pIm[k];
            // E_a Δt [x_a F0 + Δx F1] for U and I
            double pr = qr * dt, pi = qi * dt;
            double ur = u0 * a0r + du * a1r, ui = u0 * a0i + du * a1i;
            double ir = i0 * a0r + di * a1r, ii = i0 * a0i + di * a1i;
            uR[k] += pr * ur - pi * ui;
            uI[k] += pr * ui + pi * ur;
            iR[k] += pr * ir - pi * ii;
            iI[k] += pr * ii + pi * ir;
            pRe[k] = qr * rr[k] - qi * ri[k];
            pIm[k] = qr * ri[k] + qi * rr[k];
        }
    }

    /** A segment of another length (a window edge, an odd step): kernels computed, phases then set exactly. */
    private void oddSegment(double dt, double u0, double i0, double u1, double i1) {
        double du = u1 - u0, di = i1 - i0;
        for (int k = 0; k < omega.length; k++) {
            kernels(omega[k] * dt, tmp);
            double a0r = tmp[2], a0i = tmp[3], a1r = tmp[4], a1i = tmp[5];
            double pr = phRe[k] * dt, pi = phIm[k] * dt;
            double ur = u0 * a0r + du * a1r, ui = u0 * a0i + du * a1i;
            double ir = i0 * a0r + di * a1r, ii = i0 * a0i + di * a1i;
            uRe[k] += pr * ur - pi * ui;
            uIm[k] += pr * ui + pi * ur;
            iRe[k] += pr * ir - pi * ii;
            iIm[k] += pr * ii + pi * ir;
        }
        double end = elapsed + dt;
        for (int k = 0; k < omega.length; k++) {
            double a = omega[k] * end;
            phRe[k] = Math.cos(a);
            phIm[k] = -Math.sin(a);
        }
    }

    public double[] voltageRe() {
        return uRe;
    }

    public double[] voltageIm() {
        return uIm;
    }

    public double[] currentRe() {
        return iRe;
    }

    public double[] currentIm() {
        return iIm;
    }

    /** {e^{−iφ}, F0(φ), F1(φ)} as re/im pairs; series for |φ| ≤ 2 (no cancellation), closed forms above. */
    static void kernels(double phi, double[] out) {
        out[0] = Math.cos(phi);
        out[1] = -Math.sin(phi);
        if (Math.abs(phi) <= 2) {
            // (−iφ)^n / n! summed with 1/(n+1) and 1/(n+2)
            double tr = 1, ti = 0, s0r = 0, s0i = 0, s1r = 0, s1i = 0;
            for (int n = 0; n < 40; n++) {
                s0r += tr / (n + 1);
                s0i += ti / (n + 1);
                s1r += tr / (n + 2);
                s1i += ti / (n + 2);
                // t *= −iφ/(n+1)
                double nr = ti * phi / (n + 1);
                double ni = -tr * phi / (n + 1);
                tr = nr;
                ti = ni;
            }
            out[2] = s0r;
            out[3] = s0i;
            out[4] = s1r;
            out[5] = s1i;
            return;
        }
        // F0 = (1 − e^{−iφ})/(iφ), F1 = (F0 − e^{−iφ})/(iφ); 1/(iφ) = −i/φ
        double ar = 1 - out[0], ai = -out[1];
        double f0r = ai / phi, f0i = -ar / phi;
        double br = f0r - out[0], bi = f0i - out[1];
        out[2] = f0r;
        out[3] = f0i;
        out[4] = bi / phi;
        out[5] = -br / phi;
    }
}
