package org.kljn.analysis.montecarlo;

/**
 * The finite Fourier transform x(f_k) = ∫_0^τ x(t) e^{−2πi f_k t} dt of two signals (U_A and I_A) at a fixed set
 * of bins, fed segment by segment while a bit streams past. Between accepted points the signals are linear (the
 * trapezoidal solver's interpolant, as in {@link WindowMoments}), and each segment is integrated exactly: with
 * φ = ω·Δt and the phase E_a = e^{−iω t_a} at its start,
 * <pre>
 *   ∫_seg x e^{−iωt} dt = E_a Δt [x_a F0(φ) + (x_b − x_a) F1(φ)],   F0 = ∫_0^1 e^{−iφv} dv,  F1 = ∫_0^1 v e^{−iφv} dv.
 * </pre>
 * <b>Uniform windows</b> (the usual case): while the segments all have the usual length h and join up, their
 * samples are buffered (at most {@link #MAX_BUFFERED_SEGMENTS}) and the sum over them is done once per window.
 * Summing the segment formula over n = 0 … N−1 with E = e^{−iφ}, φ = ωh, D = Σ_{n=0}^{N} x_n E^n gives exactly
 * <pre>
 *   X = h [(F0 − F1)(D − x_N E^N) + F1 e^{iφ}(D − x_0)],
 * </pre>
 * and on the bins, ω_k N_τ h = 2π(k − ½) for a window of N_τ = τ/h steps, D is the half-bin DFT
 * Y_m = Σ_{n&lt;N_τ} x̃_n e^{−iπ(2m+1)n/N_τ} ({@link HalfBinDft}: one FFT pair per window) of the samples x̃ (x_0 … x_N,
 * zero-padded to N_τ; when N = N_τ, x_N's term is E^{N_τ} x_N = −x_N), so
 * X_k = A_k D − (A_k + B_k) x_N E^N + B_k x_0 with A_k = h(F0 − F1 + F1 e^{iφ}), B_k = −h F1 e^{iφ} fixed per detector
 * (for N = N_τ: A_k Y + B_k (x_0 + x_N)). An odd segment before the first usual one (a window start off the grid:
 * then N = N_τ − 1) or after the last (its end) is integrated exactly on its own, and the grid part is rotated by the
 * phase at its start. Anything else (ngspice's start-up steps, a step cut short, a gap, a window over
 * {@link #MAX_BUFFERED_SEGMENTS} steps, bins that are not the window's half bins) replays the buffer into the
 * streaming form below, which is exact for any spacing and needs only the bins' memory. Buffers: three doubles per
 * step, and the FFT's 4 L ≤ 2^19 doubles, bounded whatever the bit's length.
 * <p><b>Streaming form</b>: for the usual step F0, F1 and the rotation e^{−iφ} are precomputed per bin.
 */
public final class BinTransform {
    private final double[] omega;
    private final double step;
    private final double[] rotRe, rotIm, f0Re, f0Im, f1Re, f1Im;
    private final double[] phRe, phIm;
    private final double[] uRe, uIm, iRe, iIm;
    private double elapsed;
    private final double[] tmp = new double[6];

    /** The most usual segments of one window buffered for the per-window DFT (3 doubles each, 1.5 MB at most). */
    public static final int MAX_BUFFERED_SEGMENTS = 1 << 16;
    // X_k = A_k Y + B_k (x_0 + x_N) on a uniform window (see above)
    private final double[] aRe, aIm, bRe, bIm;
    // the buffered window: segment n starts at (bufU[n], bufI[n]) and lasts bufDt[n]; its end is (lastU, lastI)
    private double[] bufU = new double[0], bufI = new double[0], bufDt = new double[0];
    private int buffered;
    private boolean streaming, finished, haveTail;
    private double lastU, lastI;
    // the largest |U|, |I| of the buffered samples (the scale of rounding at the joins)
    private double sizeU, sizeI;
    // the odd segment after the grid part, integrated when the window ends
    private double tailDt, tailU0, tailI0, tailU1, tailI1;
    private HalfBinDft plan;
    private double[] endPhase;
    private int endPhaseN, endPhaseTau;
    private double[][] scratch;
    private final double[] yuRe, yuIm, yiRe, yiIm;
    private long gridWindows, streamedWindows;
    private final int bufferLimit;

    /**
     * @param frequency the bins, Hz
     * @param step      the usual segment length Δt, s (other lengths are handled, more slowly)
     */
    public BinTransform(double[] frequency, double step) {
        this(frequency, step, MAX_BUFFERED_SEGMENTS);
    }

    /** The streaming form only, for every window (a reference for tests: exact for any spacing). */
    static BinTransform streamingOnly(double[] frequency, double step) {
        return new BinTransform(frequency, step, 0);
    }

    private BinTransform(double[] frequency, double step, int bufferLimit) {
        this.bufferLimit = bufferLimit;
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
        aRe = new double[n];
        aIm = new double[n];
        bRe = new double[n];
        bIm = new double[n];
        yuRe = new double[n];
        yuIm = new double[n];
        yiRe = new double[n];
        yiIm = new double[n];
        for (int k = 0; k < n; k++) {
            omega[k] = 2 * Math.PI * frequency[k];
            kernels(omega[k] * step, tmp);
            rotRe[k] = tmp[0];
            rotIm[k] = tmp[1];
            f0Re[k] = tmp[2];
            f0Im[k] = tmp[3];
            f1Re[k] = tmp[4];
            f1Im[k] = tmp[5];
            // e^{iφ} F1 = conj(rot) F1; A = h(F0 − F1 + e^{iφ} F1), B = −h e^{iφ} F1
            double er = rotRe[k], ei = -rotIm[k];
            double gr = er * f1Re[k] - ei * f1Im[k], gi = er * f1Im[k] + ei * f1Re[k];
            aRe[k] = step * (f0Re[k] - f1Re[k] + gr);
            aIm[k] = step * (f0Im[k] - f1Im[k] + gi);
            bRe[k] = -step * gr;
            bIm[k] = -step * gi;
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
        buffered = 0;
        streaming = false;
        finished = false;
        haveTail = false;
    }

    /** Adds the segment of length {@code dt} from the current time, U and I linear from (u0, i0) to (u1, i1). */
    public void segment(double dt, double u0, double i0, double u1, double i1) {
        if (finished) {
            throw new IllegalStateException("the window's transform was read: reset() before the next segment");
        }
        boolean usual = Math.abs(dt - step) <= 1e-9 * step;
        if (!streaming) {
            if (bufferLimit > 0 && usual && !haveTail && (buffered == 0 || joins(u0, lastU, sizeU) && joins(i0, lastI, sizeI))
                    && buffered < bufferLimit) {
                push(dt, u0, i0, u1, i1);
                return;
            }
            if (!usual && buffered == 0) {
                // an edge off the grid (or start-up steps) before the grid part: streamed now, the grid part is
                // rotated past it
                streamSegment(dt, u0, i0, u1, i1);
                return;
            }
            if (!usual && !haveTail) {
                haveTail = true;
                tailDt = dt;
                tailU0 = u0;
                tailI0 = i0;
                tailU1 = u1;
                tailI1 = i1;
                return;
            }
            replay();
        }
        streamSegment(dt, u0, i0, u1, i1);
    }

    /**
     * Two samples that should be the same point (a segment's end, the next one's start) up to rounding relative to
     * the window's size so far: WhittleStream's interpolation at a fraction of 1 (or 0) can leave an ulp of the
     * neighbouring sample, which near a zero crossing is much more than an ulp of the sample itself.
     */
    private static boolean joins(double a, double b, double size) {
        return Math.abs(a - b) <= 1e-12 * size;
    }

    private void push(double dt, double u0, double i0, double u1, double i1) {
        if (buffered == bufU.length) {
            ensureCapacity(Math.min(MAX_BUFFERED_SEGMENTS + 1, Math.max(1024, 2 * buffered)));
        }
        if (buffered == 0) {
            sizeU = Math.abs(u0);
            sizeI = Math.abs(i0);
        }
        sizeU = Math.max(sizeU, Math.abs(u1));
        sizeI = Math.max(sizeI, Math.abs(i1));
        bufU[buffered] = u0;
        bufI[buffered] = i0;
        bufDt[buffered] = dt;
        buffered++;
        lastU = u1;
        lastI = i1;
    }

    /** Gives up the grid form for this window: the buffered segments (and a held tail) go through the stream. */
    private void replay() {
        streaming = true;
        for (int n = 0; n < buffered; n++) {
            boolean last = n == buffered - 1;
            streamSegment(bufDt[n], bufU[n], bufI[n], last ? lastU : bufU[n + 1], last ? lastI : bufI[n + 1]);
        }
        buffered = 0;
        if (haveTail) {
            haveTail = false;
            streamSegment(tailDt, tailU0, tailI0, tailU1, tailI1);
        }
    }

    /** The window is complete: the grid part by one DFT (or the replay), then the held tail. */
    private void finish() {
        if (finished) {
            return;
        }
        finished = true;
        if (streaming || buffered == 0) {
            if (haveTail) {
                haveTail = false;
                streamSegment(tailDt, tailU0, tailI0, tailU1, tailI1);
            }
            if (streaming) {
                streamedWindows++;
            }
            return;
        }
        double gridEnd = elapsed;
        for (int j = 0; j < buffered; j++) {
            gridEnd += bufDt[j];
        }
        // the window is N_τ = τ/h usual steps; an edge off the grid leaves N = N_τ − 1 of them between two odd ends
        long window = Math.round((gridEnd + (haveTail ? tailDt : 0)) / step);
        HalfBinDft dft = window <= MAX_BUFFERED_SEGMENTS ? planFor((int) window) : null;
        if (dft == null) {
            replay();
            streamedWindows++;
            return;
        }
        gridWindows++;
        int n = buffered, nTau = dft.points();
        // x_0 … x_N, zeros up to N_τ (x_N wraps onto x_0's place when N = N_τ: handled below)
        ensureCapacity(nTau + 1);
        bufU[n] = lastU;
        bufI[n] = lastI;
        java.util.Arrays.fill(bufU, n + 1, nTau + 1, 0);
        java.util.Arrays.fill(bufI, n + 1, nTau + 1, 0);
        dft.transform(bufU, bufI, scratch, yuRe, yuIm, yiRe, yiIm);
        double[] endPhase = endPhases(n, nTau);
        double u0 = bufU[0], i0 = bufI[0], uN = lastU, iN = lastI;
        double wrapU = n == nTau ? uN : 0, wrapI = n == nTau ? iN : 0;
        int bins = omega.length;
        for (int k = 0; k < bins; k++) {
            // D = Σ_{n≤N} x_n E^n (E^{N_τ} = −1), X = A D − (A + B) x_N E^N + B x_0, then rotated by the phase at
            // the grid's start (1 unless an edge came first)
            double er = endPhase[2 * k], ei = endPhase[2 * k + 1];
            double cr = aRe[k] + bRe[k], ci = aIm[k] + bIm[k];
            double ceR = cr * er - ci * ei, ceI = cr * ei + ci * er;
            double dur = yuRe[k] - wrapU, dui = yuIm[k], dir = yiRe[k] - wrapI, dii = yiIm[k];
            double xur = aRe[k] * dur - aIm[k] * dui - ceR * uN + bRe[k] * u0;
            double xui = aRe[k] * dui + aIm[k] * dur - ceI * uN + bIm[k] * u0;
            double xir = aRe[k] * dir - aIm[k] * dii - ceR * iN + bRe[k] * i0;
            double xii = aRe[k] * dii + aIm[k] * dir - ceI * iN + bIm[k] * i0;
            double qr = phRe[k], qi = phIm[k];
            uRe[k] += qr * xur - qi * xui;
            uIm[k] += qr * xui + qi * xur;
            iRe[k] += qr * xir - qi * xii;
            iIm[k] += qr * xii + qi * xir;
        }
        buffered = 0;
        elapsed = gridEnd;
        if (haveTail) {
            haveTail = false;
            // the tail starts where the grid ends: its phase set exactly, as after any odd segment
            for (int k = 0; k < bins; k++) {
                double a = omega[k] * elapsed;
                phRe[k] = Math.cos(a);
                phIm[k] = -Math.sin(a);
            }
            streamSegment(tailDt, tailU0, tailI0, tailU1, tailI1);
        }
    }

    private void ensureCapacity(int size) {
        if (bufU.length < size) {
            bufU = java.util.Arrays.copyOf(bufU, size);
            bufI = java.util.Arrays.copyOf(bufI, size);
            bufDt = java.util.Arrays.copyOf(bufDt, size);
        }
    }

    /** E^N = e^{−iπ(2k−1)N/N_τ} per bin, from integers (cached for the last N). */
    private double[] endPhases(int n, int nTau) {
        if (endPhase != null && endPhaseN == n && endPhaseTau == nTau) {
            return endPhase;
        }
        int bins = omega.length;
        double[] e = new double[2 * bins];
        for (int k = 0; k < bins; k++) {
            long j = ((2L * plan.bin(k) + 1) * n) % (2L * nTau);
            e[2 * k] = Math.cos(Math.PI * j / nTau);
            e[2 * k + 1] = -Math.sin(Math.PI * j / nTau);
        }
        endPhase = e;
        endPhaseN = n;
        endPhaseTau = nTau;
        return e;
    }

    /**
     * The DFT over a window of N_τ usual steps, or null when the bins are not its half bins: ω_k N_τ h must be
     * 2π(k − ½) to 1e-12 (rounding: the steps are τ/N_τ) for the sum to be a DFT with the streaming form's phases.
     */
    private HalfBinDft planFor(int segments) {
        if (plan != null && plan.points() == segments) {
            return plan;
        }
        int n = omega.length;
        int[] m = new int[n];
        for (int k = 0; k < n; k++) {
            double index = omega[k] * step * segments / (2 * Math.PI) - 0.5;
            long r = Math.round(index);
            if (Math.abs(index - r) > 1e-12 * Math.max(1, index) || r < 0 || r >= segments) {
                return null;
            }
            m[k] = (int) r;
        }
        plan = new HalfBinDft(segments, m);
        scratch = plan.scratch();
        endPhase = null;
        return plan;
    }

    /** Windows done by the per-window DFT and by the streaming form since construction (for tests). */
    long[] windowCounts() {
        return new long[] {gridWindows, streamedWindows};
    }

    private void streamSegment(double dt, double u0, double i0, double u1, double i1) {
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

    /** The window's transform of U (real parts); reading it ends the window until {@link #reset()}. */
    public double[] voltageRe() {
        finish();
        return uRe;
    }

    public double[] voltageIm() {
        finish();
        return uIm;
    }

    public double[] currentRe() {
        finish();
        return iRe;
    }

    public double[] currentIm() {
        finish();
        return iIm;
    }

    /** {e^{−iφ}, F0(φ), F1(φ)} as re/im pairs; series for |φ| ≤ 2 (no cancellation), closed forms above. */
    static void kernels(double phi, double[] out) {
        out[0] = Math.cos(phi);
        out[1] = -Math.sin(phi);
        if (Math.abs(phi) <= 2) {
            // (−iφ)^n / n! summed with 1/(n+1) and 1/(n+2)
            // stop once a term is below 1e-18 (|F0|, |F1| ≥ 0.4 for |φ| ≤ 2, so past double precision): 2^n/n!
            // needs 27 terms at |φ| = 2, a handful on the usual grid
            double tr = 1, ti = 0, s0r = 0, s0i = 0, s1r = 0, s1i = 0;
            for (int n = 0; n < 40 && Math.abs(tr) + Math.abs(ti) > 1e-18; n++) {
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
