package org.kljn.analysis.eavesdropper;

import org.apache.commons.math3.analysis.integration.gauss.GaussIntegrator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;
import org.kljn.analysis.exact.NoiseTemperatures;
import org.kljn.analysis.exact.TransferFunctions;
import org.kljn.circuit.KljnLoop;
import org.kljn.circuit.Resistor;
import org.kljn.circuit.Situation;
import org.kljn.noise.Johnson;

/**
 * Eve's exact likelihood-ratio test for one bit window [0, τ]: she records (U_A, I_A) continuously over the bit
 * through an instrument that adds white noise ({@link EveInstrument}), and decides between the secure situations HL
 * and LH. Second-order statistics are all she has (the processes are Gaussian), so the best detector and her
 * information about the bit follow from the two situations' covariance operators on the window.
 *
 * <p><b>The operators.</b> In situation s the signal's 2×2 matrix kernel is R_s(t − t') with
 * R_ab(Δ) = ∫_0^∞ Re[G_ab(f) e^{2πifΔ}] df, G the one-sided cross-spectral matrix of (U_A, I_A)
 * ({@link SituationSpectra}, linear between the AC grid's points, zero above its last point); the instrument adds
 * (N_a/2) δ(t − t') on channel a. Eve's observation is expanded on each channel in the orthonormal Legendre
 * polynomials of the window, φ_n(t) = √((2n+1)/τ) P_n(2t/τ − 1), n &lt; K, whose Fourier transforms are
 * Φ_n(f) = √((2n+1)τ) (−i)ⁿ e^{−iπfτ} j_n(πfτ) (spherical Bessel functions). The coefficients' covariance is
 * <pre>
 *   C_{(a,m),(b,n)} = √((2m+1)(2n+1)) τ ∫_0^∞ j_m(πfτ) j_n(πfτ) Re[i^{m−n} G_ab(f)] df  +  (N_a/2) δ_ab δ_mn,
 * </pre>
 * integrated by Gauss-Legendre on each AC interval (G linear there, the Bessel products entire). Whitened by the
 * floor, the two situations are I + A_HL and I + A_LH, and the pencil's generalised eigenvalues μ_j = 1 + δ_j are
 * the eigenvalues of L⁻¹(A_HL − A_LH)L⁻ᵀ, LLᵀ = I + A_LH (δ computed directly, so that a pencil with G_HL = G_LH
 * has δ = 0 to rounding, not 1 − 1).
 *
 * <p><b>What is left out, bounded.</b> The part of the observation outside the K polynomials: with Y that part and
 * Z the rest, I(K; Y | Z) ≤ Σ_s ½ E D(P_s(y|z) ‖ N(0, N/2)) ≤ ¼ (t_HL + t_LH) nats, where t_s = Σ_a (2/N_a)
 * E‖s_a‖²_⊥ is the signal's energy outside the basis in units of the floor (the conditional covariance exceeds
 * the floor's, so −ln det ≤ 0), and by Pinsker the success probability rises by at most ¼(√t_HL + √t_LH). The
 * energy outside is τ ∫ G_aa(f) Σ_{n≥K} (2n+1) j_n(πfτ)² df ≤ τ P_a Σ_{n≥K} (2n+1) j_n(x_max)² (each term
 * increases with x below its first maximum, past n), P_a the channel's power; K is the smallest order that
 * makes t_HL + t_LH ≤ {@link #TAIL_TARGET}. K ≈ π f_max τ + O((π f_max τ)^{1/3}): π/2 functions per Nyquist
 * sample per channel.
 *
 * <p><b>The prolate basis</b> ({@link #test}; the Legendre one above is kept as its check, and for
 * {@link #coefficientCovariances}). A signal band-limited to f_max needs on the window only the prolate spheroidal
 * functions ψ_n of bandwidth c = π f_max τ whose band concentration λ_n is not negligible: about 2 f_max τ + O(ln c ·
 * ln(1/ε)) of them ({@link ProlateBasis}; 296 against K = 480 at 256 Nyquist samples). The basis is the first N of
 * them projected onto the K Legendre polynomials (orthonormalised), so its complement is the Legendre complement
 * (energy ≤ the bound above, with half the target) plus the part of the Legendre span orthogonal to ψ_0 … ψ_{N−1}
 * (x in that span with x ⊥ P ψ_n is x ⊥ ψ_n). Per channel the signal's operator is ≤ max_f G_aa times the band
 * limiting operator, whose eigenfunctions are the ψ_n, so that part carries at most (max_f G_aa/N_a) Σ_{n≥N} λ_n in
 * floor units; N is the smallest making this ≤ half the target, and the sum is added to t_HL, t_LH (exact for
 * the exact ψ_n; the computed ones carry rounding like every Gram entry, measured by the agreement with the Legendre
 * basis). The Gram is integrated by a product rule ({@link #productQuadrature}): the prolate functions have no
 * low-order reach to save, so fewer nodes pay.
 */
public final class WindowEavesdropper {
    /** The largest signal energy left outside the basis, in units of the floor (t_HL + t_LH). */
    static final double TAIL_TARGET = 1e-20;
    /**
     * The most basis functions per channel (a pencil of twice this dimension): 1024 holds analyze's bits of up to 256
     * Nyquist samples (about 460) and keeps a pencil within tens of MB (the FIR band's images asked for thousands, and
     * 8192 filled the test heap); beyond it the transient refuses the window detector.
     */
    public static final int MAX_ORDER = 1024;

    private final SituationSpectra hl;
    private final SituationSpectra lh;
    private final double[] gain;

    private WindowEavesdropper(SituationSpectra hl, SituationSpectra lh, double[] gain) {
        if (hl.aliceHolds() != Resistor.H || lh.aliceHolds() != Resistor.L) {
            throw new IllegalArgumentException("need the HL and the LH situation, got " + hl.aliceHolds() + ", "
                    + lh.aliceHolds());
        }
        if (hl.size() != lh.size() || hl.size() != gain.length || hl.size() < 2) {
            throw new IllegalArgumentException("HL and LH spectra and the band gain must share one grid of >= 2 points");
        }
        this.hl = hl;
        this.lh = lh;
        this.gain = gain.clone();
    }

    /** From the secure situations' spectra on one grid and the band gain g there. */
    public static WindowEavesdropper of(SituationSpectra hl, SituationSpectra lh, double[] gain) {
        return new WindowEavesdropper(hl, lh, gain);
    }

    /** From the exact analysis's transfer functions of both secure situations. */
    public static WindowEavesdropper of(KljnLoop hlLoop, TransferFunctions hlTf, KljnLoop lhLoop,
            TransferFunctions lhTf) {
        return new WindowEavesdropper(SituationSpectra.of(hlLoop, hlTf), SituationSpectra.of(lhLoop, lhTf),
                hlTf.gain());
    }

    /** From the transfer functions of the bit situations (at least {@link Situation#HL} and {@link Situation#LH}). */
    public static WindowEavesdropper of(org.kljn.circuit.ResistorPair resistors, org.kljn.circuit.LineModel line,
            java.util.Map<Situation, TransferFunctions> situations) {
        TransferFunctions hlTf = situations.get(Situation.HL);
        TransferFunctions lhTf = situations.get(Situation.LH);
        if (hlTf == null || lhTf == null) {
            throw new IllegalArgumentException("need the transfer functions of HL and LH, have " + situations.keySet());
        }
        return of(Situation.HL.loop(resistors, line), hlTf, Situation.LH.loop(resistors, line), lhTf);
    }

    /**
     * Eve's likelihood-ratio test on a bit of {@code seconds} at the generator temperatures {@code t} through
     * {@code instrument}, on the prolate basis (class comment).
     */
    public WindowLikelihoodRatio test(NoiseTemperatures t, double seconds, EveInstrument instrument) {
        return test(t, seconds, instrument, true);
    }

    /**
     * {@link #test} on the Legendre polynomials alone (per-interval Gauss Gram): the same likelihood ratio to within
     * the left-out bounds both report (measured within 2e-11 in success and information), about 1.6 times the
     * pencil. The independent check of the prolate basis, and the prediction for a detector applied to recorded
     * waveforms projected on these polynomials ({@link #coefficientCovariances}): its
     * {@link WindowLikelihoodRatio#basisFunctions} is their number K.
     */
    public WindowLikelihoodRatio legendreTest(NoiseTemperatures t, double seconds, EveInstrument instrument) {
        return test(t, seconds, instrument, false);
    }

    private WindowLikelihoodRatio test(NoiseTemperatures t, double seconds, EveInstrument instrument,
            boolean prolate) {
        Assembly a = assemble(t, seconds, instrument, prolate);
        double[][][] gram = gram(a.quadrature, a.basis, seconds, a.floor, a.floor);
        double[] delta = WindowPencil.relativeEigenvalues(gram[0], gram[1]);
        return new WindowLikelihoodRatio(seconds, instrument, t, a.basis.functions(), delta, a.tailHl, a.tailLh);
    }

    /**
     * The two situations' covariances of Eve's Legendre coefficients on a bit of {@code seconds}, before any
     * whitening, in SI units: what {@link #test} decides on, for a detector applied to recorded waveforms.
     *
     * <p>Coefficient index, channel-major: (U_A, n) at n and (I_A, n) at K + n, n &lt; K, the coefficient of
     * channel a being ∫_0^τ x_a(t) φ_n(t) dt with φ_n(t) = √((2n+1)/τ) P_n(2t/τ − 1) (units V·√s and A·√s).
     * {@link CoefficientCovariances#hl()} and {@link CoefficientCovariances#lh()} are the signal's covariances only;
     * the instrument adds {@link CoefficientCovariances#floorVariance()}[a] = N_a/2 to each diagonal entry of
     * channel a. The observation outside the K functions carries at most {@code tailHl}, {@code tailLh} of signal
     * energy in units of the floor (see the class comment for what that bounds).
     */
    public CoefficientCovariances coefficientCovariances(NoiseTemperatures t, double seconds,
            EveInstrument instrument) {
        // on the Legendre polynomials, which a recorded waveform is projected on (the transient's detector): the
        // same likelihood ratio as test's prolate one to within the left-out bounds both carry
        Assembly a = assemble(t, seconds, instrument, false);
        // a floor of 2 on each channel whitens by 1: the Gram matrices in SI
        double[][][] gram = gram(a.quadrature, a.basis, seconds, new double[] {2, 2}, a.floor);
        double[][] lhCov = gram[0];
        double[][] hlCov = new double[lhCov.length][];
        for (int i = 0; i < lhCov.length; i++) {
            hlCov[i] = new double[lhCov.length];
            for (int j = 0; j < lhCov.length; j++) {
                hlCov[i][j] = lhCov[i][j] + gram[1][i][j];
            }
        }
        return new CoefficientCovariances(a.basis.legendreOrder(), hlCov, lhCov,
                new double[] {0.5 * a.floor[0], 0.5 * a.floor[1]}, a.tailHl, a.tailLh);
    }

    /**
     * The covariances of Eve's window coefficients ({@link #coefficientCovariances}).
     *
     * @param order         K, Legendre functions per channel (the matrices are 2K × 2K)
     * @param hl            the signal's covariance in HL, channel-major (U_A's K coefficients, then I_A's), SI
     * @param lh            the same in LH
     * @param floorVariance {N_V/2, N_I/2}: the instrument's variance added to every coefficient of U_A, of I_A
     * @param tailHl        t_HL, the HL signal energy outside the basis in units of the floor
     * @param tailLh        t_LH, the same in LH
     */
    public record CoefficientCovariances(int order, double[][] hl, double[][] lh, double[] floorVariance,
            double tailHl, double tailLh) {
        @Override
        public double[][] hl() {
            return copy(hl);
        }

        @Override
        public double[][] lh() {
            return copy(lh);
        }

        @Override
        public double[] floorVariance() {
            return floorVariance.clone();
        }

        private static double[][] copy(double[][] m) {
            double[][] c = new double[m.length][];
            for (int i = 0; i < m.length; i++) {
                c[i] = m[i].clone();
            }
            return c;
        }
    }

    /** The window functions, the band's quadrature, the floors and the tail bounds of one bit. */
    private record Assembly(Basis basis, Quadrature quadrature, double[] floor, double tailHl, double tailLh) {
    }

    /**
     * A bit's window functions per channel: the first {@code legendreOrder} Legendre polynomials ({@code prolate}
     * null), or the first {@code functions} prolate functions projected onto them ({@code prolate[p][k][r]}: the
     * coefficient of the Legendre polynomial of degree 2k + p in function 2r + p, orthonormal columns,
     * {@link ProlateBasis#legendreCoefficients}).
     */
    private record Basis(int legendreOrder, int functions, double[][][] prolate) {
    }

    /** G_LH and G_HL − G_LH (SI, {UU, II, Re UI, Im UI}) at the grid points f[0..top] the band reaches. */
    private record Spectra(double[] f, int top, double[][] gLh, double[][] gDelta) {
    }

    private Spectra spectra(NoiseTemperatures t) {
        int nf = hl.size();
        double[] f = hl.frequency();
        double[][] gLh = new double[nf][4];
        double[][] gDelta = new double[nf][4];
        double[] a = new double[4];
        double[] b = new double[4];
        int last = 0;
        for (int k = 0; k < nf; k++) {
            hl.matrix(k, t.highAtAlice(), t.lowAtBob(), a);
            lh.matrix(k, t.lowAtAlice(), t.highAtBob(), b);
            double scale = 4 * Johnson.BOLTZMANN * gain[k];
            for (int i = 0; i < 4; i++) {
                gLh[k][i] = scale * b[i];
                gDelta[k][i] = scale * (a[i] - b[i]);
            }
            if (gain[k] > 0) {
                last = k;
            }
        }
        int top = Math.min(nf - 1, last + 1); // G is linear up to the first zero-gain point after the band
        return new Spectra(f, top, gLh, gDelta);
    }

    private Assembly assemble(NoiseTemperatures t, double seconds, EveInstrument instrument, boolean prolate) {
        if (!(seconds > 0) || Double.isInfinite(seconds)) {
            throw new IllegalArgumentException("bit duration must be positive and finite, got " + seconds + " s");
        }
        Spectra sp = spectra(t);
        double[] f = sp.f;
        int top = sp.top;
        double[][] gLh = sp.gLh;
        double[][] gDelta = sp.gDelta;
        double fMax = f[top];
        double[] floor = {instrument.voltageNoise(), instrument.currentNoise()};
        double[] tailWeight = signalEnergy(sp, seconds, floor);
        double xMax = Math.PI * fMax * seconds;
        double[] tail = besselTail(xMax);
        // the tail bound needs every left-out order past its first maximum: K > x_max
        int order = (int) Math.ceil(xMax) + 1;
        // with the prolate basis, half the left-out target goes to the Legendre polynomials it is projected on
        double legendreTarget = prolate ? 0.5 * TAIL_TARGET : TAIL_TARGET;
        while (order < tail.length && (tailWeight[0] + tailWeight[1]) * tail[order] > legendreTarget) {
            order++;
        }
        if (order >= tail.length || order > MAX_ORDER) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT, "a bit of %.4g s over a band to"
                    + " %.4g Hz needs more than %d window functions per channel", seconds, fMax, MAX_ORDER));
        }
        double tailHl = tailWeight[0] * tail[order];
        double tailLh = tailWeight[1] * tail[order];
        Basis basis = new Basis(order, order, null);
        if (prolate) {
            // the prolate functions' left-out part: ≤ (G_max,a/N_a) Σ_{n≥N} λ_n per channel (class comment)
            double[] peak = peakWeights(sp, floor);
            ProlateBasis functions = ProlateBasis.of(xMax, order, 1e-3 * 0.5 * TAIL_TARGET / (peak[0] + peak[1]));
            int count = 1;
            while (count < order && (peak[0] + peak[1]) * functions.leftOut(count) > 0.5 * TAIL_TARGET) {
                count++;
            }
            if (count < order) {
                tailHl += peak[0] * functions.leftOut(count);
                tailLh += peak[1] * functions.leftOut(count);
                basis = new Basis(order, count, functions.legendreCoefficients(count));
            }
        }
        Quadrature q = basis.prolate() != null ? productQuadrature(f, top, seconds, gLh, gDelta)
                : quadrature(f, top, seconds, gLh, gDelta);
        return new Assembly(basis, q, floor, tailHl, tailLh);
    }

    /**
     * Σ_a max_f G_aa(f)/N_a for {HL, LH}: the weights of the prolate functions' left-out eigenvalues (G is linear
     * between grid points and constant below the first, so its largest value is at one of them).
     */
    private static double[] peakWeights(Spectra sp, double[] floor) {
        double[] peak = new double[2];
        for (int ch = 0; ch < 2; ch++) {
            double hl = 0;
            double lh = 0;
            for (int k = 0; k <= sp.top; k++) {
                lh = Math.max(lh, sp.gLh[k][ch]);
                hl = Math.max(hl, sp.gLh[k][ch] + sp.gDelta[k][ch]);
            }
            peak[0] += hl / floor[ch];
            peak[1] += lh / floor[ch];
        }
        return peak;
    }

    /**
     * Upper bounds on Eve's success and information for a bit of {@code seconds}, from the exact pencil on a
     * reference window τ₀ = min({@code seconds}, {@code referenceSeconds}) only: for bits beyond the exact method's
     * reach, and where its Cholesky factor cannot resolve the floor. The smaller of two bounds on the window's
     * Bhattacharyya distance B (derivation: {@code docs/eavesdropper-window.md}); with L_s(τ) = ln det(I + K_s) the
     * whitened window covariance's log-determinant (Fredholm) of the process with spectrum G_s (s = HL, LH, or the
     * mean of the two), B = ½ L̄ − ¼ L_HL − ¼ L_LH:
     * <ul>
     * <li><b>slope</b>: L(τ) = ∫_0^τ mmse(t) dt (Duncan; Kailath), the causal filtering error mmse(t) of a stationary
     * process falls with t to ℓ = ∫_{−∞}^{∞} ln det(I + G/N) df (Yovits-Jackson), so L̄ is concave and
     * L̄(τ) ≤ L̄(τ₀) + (τ − τ₀) [L̄(τ₀) − L̄(τ₀ − h)]/h, and L_s(τ) ≥ L_s(τ₀) + (τ − τ₀) ℓ_s:
     * B(τ) ≤ B(τ₀) + (τ − τ₀) [½ σ̄ − ¼ (ℓ_HL + ℓ_LH)]. The K-function compression gives L ≤ the true value ≤ L + t
     * (Fischer, t the left-out energy), and ℓ_s's trapezoid is a lower value (ln det is concave, G linear between
     * grid points). For long bits B̄/τ tends to the spectral Bhattacharyya rate.</li>
     * <li><b>near the null</b>: with ε = max_f ‖G_LH^{−½} ΔG G_LH^{−½}‖, −ε A_LH ≤ A_HL − A_LH ≤ ε A_LH on the
     * window, so with P = (I + A_LH)^{−½} A_LH (I + A_LH)^{−½} every δ_j has |δ_j| ≤ ε and Σ δ_j² ≤ ε² tr P; with
     * ½ ln(1 + δ/2) − ¼ ln(1 + δ) ≤ κ(ε) δ², κ(ε) = [(1 − ε)^{−2} − ½ (1 − ε/2)^{−2}]/8 (→ 1/16 at ε = 0),
     * B ≤ κ(ε) ε² d(τ), d(τ) = tr A_LH(I + A_LH)^{−1} the window's degrees of freedom. d is subadditive over
     * sub-windows ((M^{−1})_{ii} ⪰ (M_{ii})^{−1}) and stationary, so d(τ) ≤ n d(τ/n), n = ⌈τ/τ₀⌉, computed from the
     * Cholesky factor of the K-function compression plus the left-out energy t_LH (the same split into the basis and
     * the rest); where it cannot be factored, d ≤ min(2K, tr A_LH) + t_LH per sub-window. Zero where G_HL = G_LH
     * (the lumped null β); for long bits ~κ ε² × 2 per Nyquist sample per generator, against the slope bound's
     * edge terms.</li>
     * </ul>
     */
    public WindowBound bound(NoiseTemperatures t, double seconds, EveInstrument instrument, double referenceSeconds) {
        if (!(seconds > 0) || Double.isInfinite(seconds) || !(referenceSeconds > 0)) {
            throw new IllegalArgumentException("bit duration and reference window must be positive and finite, got "
                    + seconds + " s, " + referenceSeconds + " s");
        }
        Spectra sp = spectra(t);
        double[] floor = {instrument.voltageNoise(), instrument.currentNoise()};
        double[] rates = logDetRates(sp, floor);
        double epsilon = relativeDifference(sp);
        double tau0 = Math.min(seconds, referenceSeconds);
        double slopeBound = Double.POSITIVE_INFINITY;
        double reference = Double.NaN;
        Assembly a0 = assemble(t, tau0, instrument, true);
        // n equal sub-windows of at most τ₀ each: d(τ) ≤ n d(τ/n)
        int blocks = (int) Math.ceil(seconds / tau0 * (1 - 1e-12));
        double block = seconds / blocks;
        Double blockFreedom = null;
        try {
            double[][][] g0 = gram(a0.quadrature, a0.basis, tau0, a0.floor, a0.floor);
            WindowPencil.Pencil p0 = WindowPencil.pencil(g0[0], g0[1]);
            double b0 = 0;
            double meanShift = 0;
            for (double d : p0.delta()) {
                b0 += 0.5 * Math.log1p(0.5 * d) - 0.25 * Math.log1p(d);
                meanShift += Math.log1p(0.5 * d);
            }
            double tailMean = 0.5 * (a0.tailHl + a0.tailLh);
            double h = SLOPE_STEP * tau0;
            Assembly a1 = assemble(t, tau0 - h, instrument, true);
            double[][][] g1 = gram(a1.quadrature, a1.basis, tau0 - h, a1.floor, a1.floor);
            double slope = (p0.logDetLh() + meanShift + tailMean - WindowPencil.logDetMean(g1[0], g1[1])) / h;
            slopeBound = Math.max(0, b0) + 0.5 * tailMean
                    + (seconds - tau0) * Math.max(0, 0.5 * slope - 0.25 * (rates[0] + rates[1]));
            reference = tau0;
            if (Math.abs(block - tau0) <= 1e-12 * tau0) {
                blockFreedom = p0.freedomLh() + a0.tailLh;
            }
        } catch (ArithmeticException unresolved) {
            // the covariance cannot be factored in double precision: the near-null bound alone
        }
        double nearBound = 0;
        if (epsilon > 0) {
            if (blockFreedom == null) {
                blockFreedom = freedom(t, block, instrument, sp, floor);
            }
            nearBound = nearNull(epsilon, blocks * blockFreedom);
        }
        return WindowBound.ofBhattacharyya(Math.min(slopeBound, nearBound), reference);
    }

    /**
     * The secant of the mean covariance's log-determinant over [τ₀ − h, τ₀], h = this × τ₀: nearer the derivative at
     * τ₀ (measured: a 10-25 % smaller bound on RC ladders than h = τ₀/2).
     */
    static final double SLOPE_STEP = 0.125;

    /** κ(ε) ε² d, κ(ε) = [(1 − ε)^{−2} − ½ (1 − ε/2)^{−2}]/8; +∞ for ε ≥ 1 (no bound). */
    static double nearNull(double epsilon, double freedom) {
        if (!(epsilon < 1)) {
            return Double.POSITIVE_INFINITY;
        }
        // ½ ln(1 + δ/2) − ¼ ln(1 + δ) = ∫∫ f'' with f''(x) = ¼ [(1 + x)^{−2} − ½ (1 + x/2)^{−2}], decreasing on
        // (−1, 2.85): its largest value on [−ε, ε] is at −ε
        double kappa = (1 / ((1 - epsilon) * (1 - epsilon)) - 0.5 / ((1 - 0.5 * epsilon) * (1 - 0.5 * epsilon))) / 8;
        return kappa * epsilon * epsilon * freedom;
    }

    /**
     * An upper value of d(τ) = tr A_LH(I + A_LH)^{−1} (LH's degrees of freedom on a window of {@code seconds}): the
     * K-function compression's, from its Cholesky factor, plus the left-out energy t_LH (d is subadditive over the
     * split into the basis and the rest, and λ/(1 + λ) ≤ λ there); where it cannot be factored,
     * min(2K, tr A_LH) + t_LH (each λ/(1 + λ) &lt; 1 and ≤ λ).
     */
    private double freedom(NoiseTemperatures t, double seconds, EveInstrument instrument, Spectra sp,
            double[] floor) {
        Assembly a = assemble(t, seconds, instrument, true);
        double[][] aLh = gram(a.quadrature, a.basis, seconds, a.floor, a.floor)[0];
        try {
            return WindowPencil.freedom(aLh) + a.tailLh;
        } catch (ArithmeticException unresolved) {
            return Math.min(2.0 * a.basis.functions(), signalEnergy(sp, seconds, floor)[1]) + a.tailLh;
        }
    }

    /**
     * ε = max over the grid of |ν|, ν the eigenvalues of G_LH⁻¹ ΔG (signal only); G is linear between grid points,
     * so −ε G_LH ≤ ΔG ≤ ε G_LH there too. +∞ where G_LH is singular and ΔG is not zero.
     */
    private static double relativeDifference(Spectra sp) {
        double[] nu = new double[2];
        double epsilon = 0;
        for (int k = 0; k <= sp.top; k++) {
            double[] d = sp.gDelta[k];
            if (d[0] == 0 && d[1] == 0 && d[2] == 0 && d[3] == 0) {
                continue;
            }
            Hermitian2.relativeEigenvalues(sp.gLh[k], d, nu);
            double e = Math.max(Math.abs(nu[0]), Math.abs(nu[1]));
            epsilon = Double.isFinite(e) ? Math.max(epsilon, e) : Double.POSITIVE_INFINITY;
        }
        return epsilon;
    }

    /**
     * Lower values of ℓ_s = 2 ∫_0^∞ ln det(I + N^{−½} G_s N^{−½}) df (nats/s, N = diag(N_V, N_I)) for {HL, LH}: the
     * trapezoid on each grid interval (the integrand is concave there: ln det is concave and G linear in f), the
     * constant G(f₀) below the first point.
     */
    private static double[] logDetRates(Spectra sp, double[] floor) {
        double[] out = new double[2];
        double[] g = new double[4];
        for (int s = 0; s < 2; s++) {
            double previous = 0;
            for (int k = 0; k <= sp.top; k++) {
                for (int i = 0; i < 4; i++) {
                    g[i] = sp.gLh[k][i] + (s == 0 ? sp.gDelta[k][i] : 0);
                }
                double w11 = g[0] / floor[0];
                double w22 = g[1] / floor[1];
                double det = Math.max(0, (g[0] * g[1] - g[2] * g[2] - g[3] * g[3]) / (floor[0] * floor[1]));
                double value = Math.log1p(Math.max(0, w11 + w22 + det));
                out[s] += k == 0 ? 2 * sp.f[0] * value : (sp.f[k] - sp.f[k - 1]) * (previous + value);
                previous = value;
            }
        }
        return out;
    }

    /**
     * tr K_s = Σ_a (2τ/N_a) P_a for {HL, LH}: the signal's energy on the window in units of the floor (G linear
     * between points: the trapezoid is exact).
     */
    private static double[] signalEnergy(Spectra sp, double seconds, double[] floor) {
        double[] f = sp.f;
        double[][] gLh = sp.gLh;
        double[][] gDelta = sp.gDelta;
        double[] energy = new double[2];
        for (int k = 0; k < sp.top; k++) {
            double h = f[k + 1] - f[k];
            for (int ch = 0; ch < 2; ch++) {
                double pLh = 0.5 * h * (gLh[k][ch] + gLh[k + 1][ch]);
                double pHl = pLh + 0.5 * h * (gDelta[k][ch] + gDelta[k + 1][ch]);
                energy[0] += 2 * seconds / floor[ch] * pHl;
                energy[1] += 2 * seconds / floor[ch] * pLh;
            }
        }
        if (f[0] > 0) {
            for (int ch = 0; ch < 2; ch++) {
                energy[0] += 2 * seconds / floor[ch] * f[0] * (gLh[0][ch] + gDelta[0][ch]);
                energy[1] += 2 * seconds / floor[ch] * f[0] * gLh[0][ch];
            }
        }
        return energy;
    }

    /**
     * tail[n] = Σ_{m ≥ n} (2m+1) j_m(x)² (tail[0] = 1), for n up to where it underflows past 1e-40 relative to
     * anything the caller needs; by Miller's backward recurrence normalised with Σ (2m+1) j_m² = 1.
     */
    static double[] besselTail(double x) {
        int n = (int) Math.ceil(x + 20 + 12 * Math.cbrt(Math.max(x, 1)) + Math.sqrt(60 * Math.max(x, 1)));
        double[] j = spherical(x, n);
        double[] tail = new double[n + 1];
        for (int m = n - 1; m >= 0; m--) {
            tail[m] = tail[m + 1] + (2 * m + 1) * j[m] * j[m];
        }
        return tail;
    }

    /**
     * j_0(x) … j_{n−1}(x), by backward recurrence j_{m−1} = ((2m+1)/x) j_m − j_{m+1} (stable for the decaying
     * solution) and normalised with Σ (2m+1) j_m² = 1. It starts 32 orders above both n and the turning region
     * x + 10 x^{1/3}, past which j_m falls at least ~2-fold per order: the start's error in order m is about
     * (j_start/j_m)², ≤ 1e-16 relative below n (measured against 40-digit values: within 2e-14 relative of them
     * wherever the old start n + x + 10 x^{1/3} + 16 was).
     */
    static double[] spherical(double x, int n) {
        double[] out = new double[n];
        if (x == 0) {
            out[0] = 1;
            return out;
        }
        int start = Math.max(n, (int) Math.ceil(Math.max(x, 1) + 10 * Math.cbrt(Math.max(x, 1)))) + 32;
        double above = 0;
        double current = 1e-30;
        double sum = 0;
        for (int m = start; m > 0; m--) {
            if (m < n) {
                out[m] = current;
            }
            sum += (2 * m + 1) * current * current;
            double below = Math.fma((2 * m + 1) / x, current, -above); // one rounding, and half the latency
            above = current;
            current = below;
            if (Math.abs(current) > 1e100) {
                // rescale everything so far (squares must not overflow)
                double s = 1e-100;
                current *= s;
                above *= s;
                sum *= s * s;
                for (int k = Math.max(m - 1, 1); k < n; k++) {
                    out[k] *= s;
                }
            }
        }
        out[0] = current;
        sum += current * current;
        double norm = 1 / Math.sqrt(sum);
        // the sign from whichever of j_0 = sin x/x, j_1 = sin x/x² − cos x/x is the larger
        double j0 = Math.abs(x) < 1e-4 ? 1 - x * x / 6 : Math.sin(x) / x;
        double j1 = Math.abs(x) < 1e-4 ? x / 3 : Math.sin(x) / (x * x) - Math.cos(x) / x;
        boolean useJ1 = n > 1 && Math.abs(j1) > Math.abs(j0);
        if (useJ1 ? Math.signum(j1) != Math.signum(out[1]) : Math.signum(j0) != Math.signum(current)) {
            norm = -norm;
        }
        for (int m = 0; m < n; m++) {
            out[m] *= norm;
        }
        return out;
    }

    /**
     * Nodes over the band: x = πfτ, and the node's shares weight·G_LH and weight·ΔG of ∫ G(f) h(f) df for a smooth
     * h (Gauss-Legendre: the rule's weight and G at the node; product integration: weight 1 and ∫ G ℓ_i).
     */
    record Quadrature(double[] x, double[] weight, double[][] gLh, double[][] gDelta) {
    }

    /**
     * The bound on the product rule's error, in units of ∫|G| df × ∫|ĥ| dt (≤ τ for h = Φ_m Φ_n*: the scale of a
     * Gram entry), {@link #productQuadrature}.
     */
    static final double PRODUCT_ERROR = 1e-16;

    /** The p-point Gauss-Legendre rules of the product quadrature, each computed once ({@link #gaussLegendre}). */
    private static final java.util.Map<Integer, double[][]> PRODUCT_RULES =
            new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Product integration over the band, for the prolate basis (which has no low-order reach to exploit, so that
     * every node costs the full N² and fewer nodes pay): on u = 2f/f_max − 1 ∈ [−1, 1], h(f) = Φ_m(f) Φ_n(f)*
     * (entire, the transform of a function on |t| ≤ τ) is interpolated at the p Gauss-Legendre points, and G (linear
     * between grid points, constant below the first) is integrated exactly against each Lagrange polynomial ℓ_i:
     * node i's share is ∫ G ℓ_i df. The band is one piece: p = {@link #productPoints}(πτ f_max), ω + O(ω^{1/3}).
     *
     * <p>∫ G ℓ_i: with ℓ_i = Σ_{m&lt;p} (m + ½) w_i P_m(u_i) P_m(u) (the p-point rule integrates ℓ_i P_m exactly)
     * and G = α + βu on each grid piece, the moments ∫ P_m du = [(P_{m+1} − P_{m−1})/(2m+1)] and
     * ∫ u P_m du = [(m+1) ∫P_{m+1} + m ∫P_{m−1}]/(2m+1) are summed over the pieces first: O(p) per grid interval.
     */
    private static Quadrature productQuadrature(double[] f, int top, double seconds, double[][] gLh,
            double[][] gDelta) {
        return productQuadrature(f, top, seconds, gLh, gDelta,
                productPoints(Math.PI * seconds * f[top], PRODUCT_ERROR));
    }

    /** {@link #productQuadrature} with p points. */
    static Quadrature productQuadrature(double[] f, int top, double seconds, double[][] gLh, double[][] gDelta,
            int p) {
        double half = 0.5 * f[top]; // f = half·(1 + u)
        double[][] rule = PRODUCT_RULES.computeIfAbsent(p, WindowEavesdropper::gaussLegendre);
        double[] u = rule[0];
        double[] w = rule[1];
        // the grid intervals' ends in u (k = 0: [0, f[0]], where G is constant; then [f[k − 1], f[k]]), and P_m
        // there for all of them at once (one recurrence over a vector of points)
        double[] ends = new double[top + 2];
        int[] interval = new int[top + 2]; // the grid interval k ending at ends[j]
        ends[0] = -1;
        int count = 1;
        double lo = 0;
        for (int k = 0; k <= top; k++) {
            if (f[k] > lo) {
                ends[count] = (f[k] - half) / half;
                interval[count++] = k;
                lo = f[k];
            }
        }
        double[][] atEnds = legendreTable(java.util.Arrays.copyOf(ends, count), p + 2);
        int pieces = count - 1;
        // G_e = α + β u on each piece j: coefficients[e][j] = α, [8 + e][j] = β (e: LH 0-3, ΔG 4-7)
        double[][] coefficients = new double[16][pieces];
        for (int j = 0; j < pieces; j++) {
            int k = interval[j + 1];
            for (int e = 0; e < 8; e++) {
                double[][] g = e < 4 ? gLh : gDelta;
                int c = e & 3;
                double alpha = g[0][c];
                double beta = 0;
                if (k > 0) {
                    double slope = (g[k][c] - g[k - 1][c]) / (f[k] - f[k - 1]);
                    beta = slope * half;
                    alpha = g[k - 1][c] + slope * (half - f[k - 1]);
                }
                coefficients[e][j] = alpha;
                coefficients[8 + e][j] = beta;
            }
        }
        // integrals[j][m] = ∫ P_m du over piece j, m ≤ p; then bySum[c][m] = Σ_j coefficients[c][j] integrals[j][m]
        // (an axpy over m per piece and coefficient, which the JIT vectorises)
        double[][] integrals = new double[pieces][p + 1];
        for (int j = 0; j < pieces; j++) {
            integrals[j][0] = ends[j + 1] - ends[j];
        }
        for (int m = 1; m <= p; m++) {
            double[] above = atEnds[m + 1];
            double[] below = atEnds[m - 1];
            for (int j = 0; j < pieces; j++) {
                integrals[j][m] = ((above[j + 1] - below[j + 1]) - (above[j] - below[j])) / (2 * m + 1);
            }
        }
        double[][] bySum = new double[16][p + 1];
        for (int j = 0; j < pieces; j++) {
            double[] integral = integrals[j];
            for (int c = 0; c < 16; c++) {
                double a = coefficients[c][j];
                double[] sum = bySum[c];
                for (int m = 0; m <= p; m++) {
                    sum[m] += a * integral[m];
                }
            }
        }
        // ∫ G_e P_m du = Σ α ∫ P_m + Σ β ∫ u P_m, ∫ u P_m = [(m+1) ∫ P_{m+1} + m ∫ P_{m−1}]/(2m+1)
        double[][] moments = new double[8][p];
        for (int m = 0; m < p; m++) {
            for (int e = 0; e < 8; e++) {
                moments[e][m] = bySum[e][m]
                        + ((m + 1) * bySum[8 + e][m + 1] + (m > 0 ? m * bySum[8 + e][m - 1] : 0)) / (2 * m + 1);
            }
        }
        // share_i = half·w_i Σ_m (m + ½) P_m(u_i) moments_m; the rule is symmetric (u_{p−1−i} = −u_i, P_m odd or
        // even with m), so the even- and odd-order sums of node i < p/2 give node p − 1 − i too; summed over m for
        // all these nodes at once (sums[m mod 2][e][i])
        int h = (p + 1) / 2;
        double[][] atNodes = legendreTable(java.util.Arrays.copyOf(u, h), p);
        double[][][] sums = new double[2][8][h];
        for (int m = 0; m < p; m++) {
            double c = m + 0.5;
            double[] pm = atNodes[m];
            for (int e = 0; e < 8; e++) {
                double me = moments[e][m];
                double[] sum = sums[m & 1][e];
                for (int i = 0; i < h; i++) {
                    sum[i] += c * pm[i] * me;
                }
            }
        }
        double[] x = new double[p];
        double[] weight = new double[p];
        double[][] l = new double[p][4];
        double[][] d = new double[p][4];
        for (int i = 0; i < h; i++) {
            for (int side = 0; side < 2; side++) {
                int node = side == 0 ? i : p - 1 - i;
                double sign = side == 0 ? 1 : -1;
                x[node] = Math.PI * half * (1 + u[node]) * seconds;
                weight[node] = 1;
                for (int e = 0; e < 4; e++) {
                    l[node][e] = half * w[node] * (sums[0][e][i] + sign * sums[1][e][i]);
                    d[node][e] = half * w[node] * (sums[0][e + 4][i] + sign * sums[1][e + 4][i]);
                }
            }
        }
        return new Quadrature(x, weight, l, d);
    }

    /** table[m][k] = P_m(u_k), m &lt; n, by the three-term recurrence (a vector operation over the points). */
    private static double[][] legendreTable(double[] u, int n) {
        double[][] table = new double[n][];
        table[0] = new double[u.length];
        java.util.Arrays.fill(table[0], 1);
        if (n > 1) {
            table[1] = u.clone();
        }
        for (int m = 1; m + 1 < n; m++) {
            double[] below = table[m - 1];
            double[] at = table[m];
            double[] next = new double[u.length];
            for (int k = 0; k < u.length; k++) {
                next[k] = ((2 * m + 1) * u[k] * at[k] - m * below[k]) / (m + 1);
            }
            table[m + 1] = next;
        }
        return table;
    }

    /**
     * The number of interpolation points of {@link #productQuadrature} on a band of ω = πτ f_max: the smallest p ≥ ω
     * with (1 + Σ_{m&lt;p} √(2m+1)) Σ_{n≥p} (2n+1) |j_n(ω)| ≤ {@code error}, which bounds the rule's error in units
     * of ∫|G| df × ∫|ĥ| dt. Why: h(u) = ∫ ĥ(t) e^{iωtu} dt (|t| ≤ 1), and e^{iau} = Σ_n iⁿ (2n+1) j_n(a) P_n(u). The
     * interpolant reproduces the polynomials of degree &lt; p, so |∫ G (h − I_p h)| ≤ ∫|G| ∫|ĥ| (1 + Λ_p) Σ_{n≥p}
     * (2n+1) max_{|a|≤ω} |j_n(a)| (|P_n| ≤ 1), with the Lebesgue constant Λ_p = max_u Σ_i |ℓ_i(u)| ≤ Σ_{m&lt;p}
     * √(2m+1) (ℓ_i = w_i Σ_m (m + ½) P_m(u_i) P_m(u), Cauchy-Schwarz, the rule exact for P_m²), and
     * max_{|a|≤ω} |j_n(a)| = j_n(ω) for n ≥ ω (j_n rises on [0, √(n(n+1))]: (x² j_n')' = (n(n+1) − x²) j_n &gt; 0
     * there). This is ω + O(ω^{1/3}) points: 503 at M = 256 on 1 kHz (ω = 402), where the derivative bound
     * ω^p 2^p p!/(2p)! on the interpolation error needs about (e/2)ω (582).
     */
    static int productPoints(double omega, double error) {
        int first = Math.max(4, (int) Math.ceil(omega));
        // past 2ω the terms fall more than threefold per order (j_{n+1}/j_n = x/(2n+3 − x j_{n+2}/j_{n+1}) < 1/3):
        // the rest of the sum is below its last term, counted twice
        int last = 2 * first + 40;
        double[] j = spherical(omega, last + 1);
        double[] tail = new double[last + 1];
        tail[last] = 2 * (2 * last + 1) * Math.abs(j[last]);
        for (int n = last - 1; n >= first; n--) {
            tail[n] = tail[n + 1] + (2 * n + 1) * Math.abs(j[n]);
        }
        double lebesgue = 1;
        for (int m = 0; m < first; m++) {
            lebesgue += Math.sqrt(2 * m + 1);
        }
        for (int p = first; p <= last; p++) {
            if (lebesgue * tail[p] <= error) {
                return p;
            }
            lebesgue += Math.sqrt(2 * p + 1);
        }
        throw new IllegalStateException("no product rule for omega " + omega + " to " + error);
    }

    /**
     * The p-point Gauss-Legendre rule {points ascending, weights}: Newton's method on P_p from Tricomi's
     * approximation cos(π(k + ¾)/(p + ½)) of the k-th largest root, weights 2/((1 − u²) P_p'(u)²) =
     * 2(1 − u²)/(p (P_{p−1}(u) − u P_p(u)))². Not Commons Math's factory: it bisects every rule below p in turn
     * (~10 s for 505 points); its weights agree with these to 1e-11 (ours are within 5e-12 of 40-digit
     * values at 505 points, 9e-14 at 150, the outer ones limited by the node's rounding).
     */
    static double[][] gaussLegendre(int p) {
        double[] u = new double[p];
        double[] w = new double[p];
        for (int k = 0; k < (p + 1) / 2; k++) {
            double z = 2 * k + 1 == p ? 0 : Math.cos(Math.PI * (k + 0.75) / (p + 0.5));
            for (int it = 0; it < 100 && z != 0; it++) {
                double[] v = legendrePair(z, p);
                double step = v[1] / (p * (z * v[1] - v[0]) / (z * z - 1));
                z -= step;
                if (Math.abs(step) <= 1e-15) {
                    break;
                }
            }
            // (1 − z)(1 + z): 1 − z² rounded would cost the outer weights ~1e-12 of their size
            double[] v = legendrePair(z, p);
            double slope = p * (v[0] - z * v[1]); // (1 − z²) P_p'(z)
            u[p - 1 - k] = z;
            u[k] = -z;
            w[k] = w[p - 1 - k] = 2 * (1 - z) * (1 + z) / (slope * slope);
        }
        return new double[][] {u, w};
    }

    /** {P_{p−1}(z), P_p(z)}. */
    private static double[] legendrePair(double z, int p) {
        double below = 1;
        double current = z;
        for (int n = 1; n < p; n++) {
            double next = ((2 * n + 1) * z * current - n * below) / (n + 1);
            below = current;
            current = next;
        }
        return new double[] {below, current};
    }

    private static Quadrature quadrature(double[] f, int top, double seconds, double[][] gLh, double[][] gDelta) {
        java.util.List<double[]> nodes = new java.util.ArrayList<>();
        GaussIntegratorFactory factory = new GaussIntegratorFactory();
        java.util.Map<Integer, GaussIntegrator> rules = new java.util.HashMap<>();
        if (f[0] > 0) {
            addInterval(nodes, rules, factory, 0, f[0], seconds, gLh[0], gLh[0], gDelta[0], gDelta[0]);
        }
        for (int k = 0; k < top; k++) {
            addInterval(nodes, rules, factory, f[k], f[k + 1], seconds, gLh[k], gLh[k + 1], gDelta[k], gDelta[k + 1]);
        }
        int n = nodes.size();
        double[] x = new double[n];
        double[] w = new double[n];
        double[][] l = new double[n][];
        double[][] d = new double[n][];
        for (int i = 0; i < n; i++) {
            double[] v = nodes.get(i);
            x[i] = v[0];
            w[i] = v[1];
            l[i] = java.util.Arrays.copyOfRange(v, 2, 6);
            d[i] = java.util.Arrays.copyOfRange(v, 6, 10);
        }
        return new Quadrature(x, w, l, d);
    }

    /**
     * Gauss-Legendre points on [lo, hi]. On u ∈ [−1, 1] the Bessel products oscillate at most like e^{iωu},
     * ω = πτ(hi − lo), and G is linear, so the p-point rule's error is at most
     * 2^{2p+1}(p!)⁴/((2p+1)((2p)!)³) ω^{2p} (times the integrand's size): p is the smallest making that ≤ 1e-13.
     */
    private static void addInterval(java.util.List<double[]> nodes, java.util.Map<Integer, GaussIntegrator> rules,
            GaussIntegratorFactory factory, double lo, double hi, double seconds, double[] l0, double[] l1,
            double[] d0, double[] d1) {
        double omega = Math.PI * seconds * (hi - lo);
        int p = gaussPoints(omega);
        GaussIntegrator rule = rules.computeIfAbsent(p, factory::legendre);
        double mid = 0.5 * (lo + hi);
        double half = 0.5 * (hi - lo);
        for (int i = 0; i < rule.getNumberOfPoints(); i++) {
            double u = rule.getPoint(i);
            double theta = 0.5 * (1 + u);
            double[] v = new double[10];
            v[0] = Math.PI * (mid + half * u) * seconds;
            v[1] = half * rule.getWeight(i);
            for (int e = 0; e < 4; e++) {
                v[2 + e] = l0[e] + theta * (l1[e] - l0[e]);
                v[6 + e] = d0[e] + theta * (d1[e] - d0[e]);
            }
            nodes.add(v);
        }
    }

    static int gaussPoints(double omega) {
        for (int p = 3; p < 200; p++) {
            double logBound = (2 * p + 1) * Math.log(2) + 4 * logFactorial(p) - Math.log(2 * p + 1)
                    - 3 * logFactorial(2 * p) + 2 * p * Math.log(Math.max(omega, 1e-300));
            if (logBound <= Math.log(1e-13)) {
                return p;
            }
        }
        return 200;
    }

    private static double logFactorial(int n) {
        double s = 0;
        for (int k = 2; k <= n; k++) {
            s += Math.log(k);
        }
        return s;
    }

    /**
     * The whitened Gram matrices {A_LH, A_HL − A_LH} (2K × 2K, channel-major: (a, n) at a·K + n; on the prolate
     * basis 2N × 2N, n the prolate index, of parity n mod 2, the transforms from {@link #prolateTransforms}, whose
     * reach is found the same way). Accumulated as
     * Σ_nodes (weight·G·J_m) J_n row by row (an axpy over n, which the JIT vectorises, unlike a dot product's
     * reduction), with each order's parity classes kept apart: G_aa is real, so the diagonal blocks have only even
     * m − n; in the U-I block even m − n takes Re G_UI and odd m − n takes Im G_UI (Re[i^{m−n} G]).
     *
     * <p>j_n(x) falls super-exponentially once n passes x, so a node low in the band reaches only the low orders:
     * node i's terms are summed for orders below its reach r_i only, r_i the smallest order past which every
     * term w·G·J_m·J_n of the node is at most {@link #DROPPED_TERM} in units of Eve's floor (whatever units the
     * matrices are returned in). No entry changes by more than (nodes) × that, ~1e-20 of the floor on the diagonal,
     * far below its rounding; the work is Σ r_i² against nodes × K² (about a third, counted, for a band from 0).
     *
     * @param basis the window functions
     * @param floor the floors the matrices are whitened by ({2, 2}: SI)
     * @param eve   Eve's floors {N_V, N_I}, the unit of {@link #DROPPED_TERM}
     */
    private static double[][][] gram(Quadrature q, Basis basis, double seconds, double[] floor, double[] eve) {
        int nq = q.x.length;
        int legendre = basis.legendreOrder();
        int[] size = {(legendre + 1) / 2, legendre / 2}; // orders of each parity: n = 2r + parity
        // jt[parity][node][r] = √((2n+1)τ) j_n(x_node), n = 2r + parity
        double[][][] jt = new double[2][nq][];
        for (int i = 0; i < nq; i++) {
            double[] j = spherical(q.x[i], legendre);
            jt[0][i] = new double[size[0]];
            jt[1][i] = new double[size[1]];
            for (int n = 0; n < legendre; n++) {
                jt[n & 1][i][n >> 1] = Math.sqrt((2 * n + 1) * seconds) * j[n];
            }
        }
        int order = basis.functions();
        if (basis.prolate() != null) {
            jt = prolateTransforms(jt, reach(q, jt, legendre, eve), basis.prolate(), order);
            size = new int[] {(order + 1) / 2, order / 2};
        }
        double[] white = {2 / floor[0], 2 / floor[1]};
        double[] entryScale = {white[0], white[1], Math.sqrt(white[0] * white[1]), Math.sqrt(white[0] * white[1])};
        double[][] wl = new double[4][nq];
        double[][] wd = new double[4][nq];
        for (int i = 0; i < nq; i++) {
            for (int e = 0; e < 4; e++) {
                wl[e][i] = q.weight[i] * q.gLh[i][e] * entryScale[e];
                wd[e][i] = q.weight[i] * q.gDelta[i][e] * entryScale[e];
            }
        }
        int[] reach = reach(q, jt, order, eve);
        // a real cross-spectrum (a memoryless loop) has no Im UI block: its entries, the only ones coupling the
        // parities, are exactly 0 and are not accumulated (the pencil then splits by parity: WindowPencil)
        int blocks = 3;
        for (int i = 0; i < nq && blocks == 3; i++) {
            if (wl[3][i] != 0 || wd[3][i] != 0) {
                blocks = 4;
            }
        }
        int dim = 2 * order;
        GramRows rows = new GramRows(jt, size, wl, wd, reach, blocks, order, new double[dim][dim],
                new double[dim][dim]);
        rows.accumulateAll();
        return new double[][][] {rows.lhGram(), rows.deltaGram()};
    }

    /**
     * The accumulation of {@link #gram}'s rows, {@link #ROW_BLOCK} at a time. Row m writes its own entries and their
     * mirrors only (in a diagonal block the entries n ≤ m), so row blocks are independent: above
     * {@link #PARALLEL_TERMS} terms they are dealt to a few tasks run by
     * {@link java.util.concurrent.ForkJoinTask#invokeAll} (in the caller's ForkJoin pool, else in the common pool;
     * the caller runs one and idle workers steal the rest; as many as {@link Forks#threads} allows),
     * each entry summed over the nodes in the same order as on one thread: the matrices are bit-identical to the
     * sequential ones.
     */
    private record GramRows(double[][][] jt, int[] size, double[][] wl, double[][] wd, int[] reach, int blocks,
            int order, double[][] lhGram, double[][] deltaGram) {
        /** Every row block: on this thread below {@link #PARALLEL_TERMS} terms, else dealt to a few tasks. */
        void accumulateAll() {
            int rowBlocks = (order + ROW_BLOCK - 1) / ROW_BLOCK;
            int tasks = Math.min(Forks.threads(), rowBlocks / 2);
            if (tasks < 2 || terms() < PARALLEL_TERMS) {
                for (int k = 0; k < rowBlocks; k++) {
                    accumulate(k * ROW_BLOCK);
                }
                return;
            }
            // row block k to a task in a snake (tasks 0, 1, 1, 0, 0, 1, ... for two): later rows sum longer rows of
            // the diagonal blocks, and each pass down the tasks and back evens that out
            java.util.List<java.util.concurrent.ForkJoinTask<?>> parts = new java.util.ArrayList<>();
            for (int t = 0; t < tasks; t++) {
                int task = t;
                parts.add(java.util.concurrent.ForkJoinTask.adapt(() -> {
                    for (int k = 0; k < rowBlocks; k++) {
                        int slot = k % tasks;
                        if ((k / tasks % 2 == 0 ? slot : tasks - 1 - slot) == task) {
                            accumulate(k * ROW_BLOCK);
                        }
                    }
                }));
            }
            java.util.concurrent.ForkJoinTask.invokeAll(parts);
        }

        /**
         * About the number of multiply-adds: a node reaching r orders adds ~r²/4 terms to each diagonal block (the
         * triangle, one parity) and ~r²/2 to each U-I block, in each of the two matrices.
         */
        private long terms() {
            long terms = 0;
            for (int r : reach) {
                long n = Math.min(r, order);
                terms += (blocks - 1) * n * n;
            }
            return terms;
        }

        /** Rows m0 .. m0 + ROW_BLOCK − 1 (fewer at the end). */
        private void accumulate(int m0) {
            int nq = reach.length;
            int rows = Math.min(ROW_BLOCK, order - m0);
            // row[m][block][parity of n][r]: Σ_i w_block(i) J_m(i) J_n(i), block 0 UU, 1 II, 2 Re UI, 3 Im UI. Rows
            // are accumulated ROW_BLOCK at a time, so that each node's J (read once per block) serves that many rows
            // from the cache; each entry's sum still runs over the nodes in order
            double[][][][] rowL = new double[rows][4][2][];
            double[][][][] rowD = new double[rows][4][2][];
            for (int b = 0; b < rows; b++) {
                int pm = (m0 + b) & 1;
                for (int e = 0; e < blocks; e++) {
                    for (int par = 0; par < 2; par++) {
                        // the diagonal blocks need n of m's parity only; Re UI too; Im UI the other parity
                        boolean needed = e < 3 ? par == pm : par != pm;
                        if (needed) {
                            rowL[b][e][par] = new double[size[par]];
                            rowD[b][e][par] = new double[size[par]];
                        }
                    }
                }
            }
            for (int i = 0; i < nq; i++) {
                for (int b = 0; b < rows; b++) {
                    int m = m0 + b;
                    int pm = m & 1;
                    double jm = jt[pm][i][m >> 1];
                    if (jm == 0 || m >= reach[i]) {
                        continue;
                    }
                    for (int e = 0; e < blocks; e++) {
                        int par = e < 3 ? pm : 1 - pm;
                        double[] col = jt[par][i];
                        double al = jm * wl[e][i];
                        double ad = jm * wd[e][i];
                        double[] rl = rowL[b][e][par];
                        double[] rd = rowD[b][e][par];
                        // the diagonal blocks are symmetric: n ≤ m only (mirrored below); orders n = 2r + par < reach
                        int len = Math.min(e < 2 ? (m >> 1) + 1 : col.length, (reach[i] - par + 1) / 2);
                        for (int r = 0; r < len; r++) {
                            rl[r] += al * col[r];
                            rd[r] += ad * col[r];
                        }
                    }
                }
            }
            for (int b = 0; b < rows; b++) {
                int m = m0 + b;
                int pm = m & 1;
                for (int e = 0; e < blocks; e++) {
                    int par = e < 3 ? pm : 1 - pm;
                    double[] rl = rowL[b][e][par];
                    double[] rd = rowD[b][e][par];
                    for (int r = 0; r < rl.length; r++) {
                        int n = 2 * r + par;
                        int d = Math.floorMod(m - n, 4);
                        // Re[i^d G]: Re G (d = 0), −Im G (1), −Re G (2), Im G (3)
                        double sign = d == 0 || d == 3 ? 1 : -1;
                        if (e < 2) {
                            if (n > m) {
                                break;
                            }
                            int off = e * order;
                            lhGram[off + m][off + n] = lhGram[off + n][off + m] = sign * rl[r];
                            deltaGram[off + m][off + n] = deltaGram[off + n][off + m] = sign * rd[r];
                        } else {
                            lhGram[m][order + n] = lhGram[order + n][m] = sign * rl[r];
                            deltaGram[m][order + n] = deltaGram[order + n][m] = sign * rd[r];
                        }
                    }
                }
            }
        }
    }

    /**
     * The prolate functions' transforms at the nodes, in the Legendre table's convention: function b = Σ_k B_kb φ_k
     * (B = {@code coefficients}, k and b of one parity) has Φ_b(f) = e^{−iπfτ} (−i)^b Σ_k B_kb i^{k−b} √((2k+1)τ)
     * j_k(πfτ), i^{k−b} = (−1)^{(k−b)/2} real, so the Gram keeps its form Re[i^{m−n} G] in the prolate indices
     * (it is BᵀCB of the Legendre one). Node i sums its Legendre orders below its reach only: the rest change each
     * transform by at most their norm, a few times the reach's limit (j_n falls super-exponentially past x).
     */
    private static double[][][] prolateTransforms(double[][][] jt, int[] reach, double[][][] coefficients,
            int count) {
        int nq = jt[0].length;
        double[][][] out = new double[2][nq][];
        int[] rows = new int[nq];
        for (int p = 0; p < 2; p++) {
            int cols = (count - p + 1) / 2;
            double[][] b = coefficients[p];
            // o_i = Σ_k (−1)^k J_k(i) B_k, k < rows_i: NODE_BLOCK nodes share each pass over B (from the cache), and
            // four rows of B are added at once (left to right: the order of one row at a time)
            for (int i0 = 0; i0 < nq; i0 += NODE_BLOCK) {
                int i1 = Math.min(nq, i0 + NODE_BLOCK);
                int most = 0;
                for (int i = i0; i < i1; i++) {
                    out[p][i] = new double[cols];
                    rows[i] = Math.min(jt[p][i].length, (reach[i] - p + 1) / 2);
                    most = Math.max(most, rows[i]);
                }
                for (int k = 0; k < most; k += 4) {
                    for (int i = i0; i < i1; i++) {
                        double[] o = out[p][i];
                        double[] j = jt[p][i];
                        if (k + 3 < rows[i]) {
                            // k is even: the signs +, −, +, −
                            double a0 = j[k];
                            double a1 = -j[k + 1];
                            double a2 = j[k + 2];
                            double a3 = -j[k + 3];
                            double[] b0 = b[k];
                            double[] b1 = b[k + 1];
                            double[] b2 = b[k + 2];
                            double[] b3 = b[k + 3];
                            for (int r = 0; r < cols; r++) {
                                o[r] = o[r] + a0 * b0[r] + a1 * b1[r] + a2 * b2[r] + a3 * b3[r];
                            }
                        } else {
                            for (int kk = k; kk < rows[i]; kk++) {
                                double v = (kk & 1) == 0 ? j[kk] : -j[kk];
                                double[] row = b[kk];
                                for (int r = 0; r < cols; r++) {
                                    o[r] += v * row[r];
                                }
                            }
                        }
                    }
                }
                for (int i = i0; i < i1; i++) {
                    double[] o = out[p][i];
                    for (int r = 1; r < cols; r += 2) {
                        o[r] = -o[r];
                    }
                }
            }
        }
        return out;
    }

    /** Nodes whose prolate transforms are accumulated together ({@link #prolateTransforms}). */
    static final int NODE_BLOCK = 16;

    /**
     * Gram rows accumulated together ({@link #gram}): the nodes' Bessel tables (~8 MB at 256 Nyquist samples) are
     * streamed once per this many rows instead of once per row.
     */
    static final int ROW_BLOCK = 8;

    /**
     * The Gram accumulations of at least this many multiply-adds are split over threads ({@link GramRows}); below it
     * the fork costs more than it saves.
     */
    static final long PARALLEL_TERMS = 2_000_000;

    /** The largest term of one node left out of a Gram entry, in units of Eve's floor ({@link #gram}). */
    static final double DROPPED_TERM = 1e-24;

    /**
     * Per node, the number of orders whose terms are summed: past it every |w·G·J_m·J_n| ≤ {@link #DROPPED_TERM}
     * (whitened by Eve's floor), bounded by s·max|J|·|J_n| with s the node's largest whitened weight.
     */
    private static int[] reach(Quadrature q, double[][][] jt, int order, double[] eve) {
        int nq = q.x.length;
        double[] white = {2 / eve[0], 2 / eve[1]};
        double[] scale = {white[0], white[1], Math.sqrt(white[0] * white[1]), Math.sqrt(white[0] * white[1])};
        int[] reach = new int[nq];
        for (int i = 0; i < nq; i++) {
            double s = 0;
            for (int e = 0; e < 4; e++) {
                s = Math.max(s, Math.abs(q.weight[i]) * scale[e]
                        * Math.max(Math.abs(q.gLh[i][e]), Math.abs(q.gLh[i][e] + q.gDelta[i][e])));
                s = Math.max(s, Math.abs(q.weight[i]) * scale[e] * Math.abs(q.gDelta[i][e]));
            }
            // each parity's table on its own (contiguous): orders n = 2k + parity < order
            double largest = 0;
            for (int p = 0; p < 2; p++) {
                double[] part = jt[p][i];
                for (int k = 0; k < (order - p + 1) / 2; k++) {
                    largest = Math.max(largest, Math.abs(part[k]));
                }
            }
            double limit = DROPPED_TERM / (s * largest);
            int r = 0;
            for (int p = 0; p < 2; p++) {
                double[] part = jt[p][i];
                int k = (order - p + 1) / 2;
                while (k > 0 && !(Math.abs(part[k - 1]) > limit)) {
                    k--;
                }
                if (k > 0) {
                    r = Math.max(r, 2 * (k - 1) + p + 1);
                }
            }
            reach[i] = r;
        }
        return reach;
    }
}
