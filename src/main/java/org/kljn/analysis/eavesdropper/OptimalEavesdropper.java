package org.kljn.analysis.eavesdropper;

import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.SimplexOptimizer;
import org.kljn.analysis.exact.Attack;
import org.kljn.analysis.exact.BetaRule;
import org.kljn.analysis.exact.ExactAnalysis;
import org.kljn.analysis.exact.LogScanMinimum;
import org.kljn.analysis.exact.LoopIntegrals;
import org.kljn.analysis.exact.NoiseTemperatures;
import org.kljn.analysis.exact.ProbeQuadraticForm;
import org.kljn.analysis.exact.TransferFunctions;
import org.kljn.analysis.finitebit.BitLength;
import org.kljn.circuit.KljnLoop;
import org.kljn.circuit.LineModel;
import org.kljn.circuit.Resistor;
import org.kljn.circuit.ResistorPair;
import org.kljn.circuit.Situation;
import org.kljn.ngspice.SpiceSimulator;
import org.kljn.noise.BandShape;

/**
 * The best second-order eavesdropper: how far apart the two secure situations HL and LH are for Eve, who records
 * U and I at the cable ends, whatever statistic she uses.
 *
 * <p>With a noiseless cable (U_B, I_B) are the same linear function of (U_A, I_A) in both situations, so the
 * Gaussian processes differ only through the 2×2 one-sided cross-spectral matrix G(f) of (U_A, I_A)
 * ({@link SituationSpectra}). The Kullback-Leibler divergence rate of two stationary Gaussian processes (Whittle)
 * over the band [0, Δf] is, in nats per second,
 * <pre>
 *   D(1‖2) = ∫_0^Δf [tr(G_2⁻¹G_1) − ln det(G_2⁻¹G_1) − 2] df,
 * </pre>
 * (per frequency bin of width 1/τ a circular complex Gaussian vector with covariance (τ/2)G; KL of those is
 * tr − ln det − 2, and there are τ·df bins in df). With ν_1, ν_2 the eigenvalues of G_LH⁻¹(G_HL − G_LH),
 * D(HL‖LH) integrates Σ[ν − ln(1+ν)], D(LH‖HL) integrates Σ[ln(1+ν) − ν/(1+ν)], and the Jeffreys rate is
 * <pre>
 *   J = D(HL‖LH) + D(LH‖HL) = ∫_0^Δf Σ_j ν_j²/(1 + ν_j) df ≥ 0,
 * </pre>
 * zero exactly when G_HL = G_LH over the band. It does not depend on the band's level or on a common scale of the
 * temperatures. Integrated with Simpson's rule on the exact analysis's grid; Richardson's |S_h − S_2h|/15 bounds
 * the error.
 */
public final class OptimalEavesdropper {
    /** Objective evaluations per Nelder-Mead run of {@link #bestTemperatures}. */
    static final int MAX_EVALUATIONS = 20_000;
    private final SituationSpectra hl;
    private final SituationSpectra lh;
    private final double[] weight;
    private final double[] coarseWeight;
    private final double bandwidth;
    private ResistorPair resistors;
    private LineModel line;
    private LoopIntegrals hlIntegrals;
    private LoopIntegrals lhIntegrals;
    private WindowEavesdropper window;
    private EveInstrument instrument = EveInstrument.defaults();

    private OptimalEavesdropper(SituationSpectra hl, SituationSpectra lh, double[] weight, double[] coarseWeight,
            double bandwidth) {
        if (hl.aliceHolds() != Resistor.H || lh.aliceHolds() != Resistor.L) {
            throw new IllegalArgumentException("need the HL and the LH situation, got " + hl.aliceHolds() + ", "
                    + lh.aliceHolds());
        }
        if (hl.size() != lh.size() || hl.size() != weight.length) {
            throw new IllegalArgumentException("HL and LH spectra must share one frequency grid");
        }
        this.hl = hl;
        this.lh = lh;
        this.weight = weight;
        this.coarseWeight = coarseWeight;
        this.bandwidth = bandwidth;
    }

    /**
     * From the exact analysis's transfer functions of both secure situations over one brick-wall band
     * ({@link ExactAnalysis#transferFunctions}).
     */
    public static OptimalEavesdropper of(KljnLoop hlLoop, TransferFunctions hlTf, KljnLoop lhLoop,
            TransferFunctions lhTf, double bandwidth) {
        OptimalEavesdropper eve = new OptimalEavesdropper(SituationSpectra.of(hlLoop, hlTf),
                SituationSpectra.of(lhLoop, lhTf), hlTf.weight(), hlTf.coarseWeight(), bandwidth);
        eve.hlIntegrals = ExactAnalysis.integrals(hlTf);
        eve.lhIntegrals = ExactAnalysis.integrals(lhTf);
        eve.window = WindowEavesdropper.of(hlLoop, hlTf, lhLoop, lhTf);
        return eve;
    }

    /**
     * Each attack's separation μ_HL − μ_LH (the difference of its statistic's mean between the two secure
     * situations, what the attack discriminates on) at the temperatures {@code t}: V², W, A².
     */
    public java.util.Map<Attack, Double> attackSeparation(NoiseTemperatures t) {
        if (hlIntegrals == null) {
            throw new IllegalStateException("attack signals need all four probes: build from transfer functions");
        }
        java.util.Map<Attack, Double> result = new java.util.EnumMap<>(Attack.class);
        double[][] hlM = moments(hlIntegrals, t.highAtAlice() * resistorsOrThrow().high(),
                t.lowAtBob() * resistors.low());
        double[][] lhM = moments(lhIntegrals, t.lowAtAlice() * resistors.low(), t.highAtBob() * resistors.high());
        for (Attack a : Attack.values()) {
            result.put(a, ProbeQuadraticForm.mean(a, hlM) - ProbeQuadraticForm.mean(a, lhM));
        }
        return result;
    }

    private ResistorPair resistorsOrThrow() {
        if (resistors == null) {
            throw new IllegalStateException("build with analyse() or of(resistors, line, ...)");
        }
        return resistors;
    }

    private static double[][] moments(LoopIntegrals j, double tRa, double tRb) {
        double[][] m = new double[4][4];
        for (int x = 0; x < 4; x++) {
            for (int y = 0; y < 4; y++) {
                m[x][y] = 4 * org.kljn.noise.Johnson.BOLTZMANN * (tRa * j.alice()[x][y] + tRb * j.bob()[x][y]);
            }
        }
        return m;
    }

    /**
     * Runs the AC sweeps of both secure situations (Alice holding R_H, then R_L: the mirrored loop is simulated,
     * not assumed, since a user's subcircuit need not be symmetric) over the brick-wall band [0, Δf]. A caller that
     * has run {@link org.kljn.analysis.loop.LoopAnalysis} takes {@link org.kljn.analysis.loop.LoopAnalysisResult#optimalEavesdropper()} instead: the same
     * eavesdropper from the sweeps the analysis already ran.
     */
    public static OptimalEavesdropper analyse(SpiceSimulator spice, ResistorPair resistors, LineModel line,
            double bandwidth, int points) {
        BandShape band = BandShape.brickWall(bandwidth);
        java.util.Map<Situation, TransferFunctions> tf = ExactAnalysis.transferFunctions(spice, resistors, line, band,
                points, Situation.SECURE);
        return of(resistors, line, tf, bandwidth);
    }

    /**
     * From the transfer functions of the secure situations over the brick-wall band [0, Δf] already computed
     * (HL and LH; other situations are ignored).
     */
    public static OptimalEavesdropper of(ResistorPair resistors, LineModel line,
            java.util.Map<Situation, TransferFunctions> situations, double bandwidth) {
        KljnLoop hlLoop = KljnLoop.secure(resistors, Resistor.H, line);
        KljnLoop lhLoop = KljnLoop.secure(resistors, Resistor.L, line);
        OptimalEavesdropper eve = of(hlLoop, situation(situations, hlLoop), lhLoop, situation(situations, lhLoop),
                bandwidth);
        eve.resistors = resistors;
        eve.line = line;
        return eve;
    }

    private static TransferFunctions situation(java.util.Map<Situation, TransferFunctions> situations, KljnLoop loop) {
        TransferFunctions tf = situations.get(loop.situation());
        if (tf == null) {
            throw new IllegalArgumentException("no transfer functions for situation " + loop.situation());
        }
        return tf;
    }

    /**
     * The likelihood-ratio detector for a bit of {@code bitSamples} Nyquist samples (τ = M/2Δf) over this
     * brick-wall band at the temperatures {@code t} (AC sweeps at its bins).
     */
    public LikelihoodRatioDetector detector(SpiceSimulator spice, int bitSamples, NoiseTemperatures t) {
        return detectorBins(spice, bitSamples).at(t);
    }

    /**
     * The AC sweeps at the bins of a bit of {@code bitSamples} Nyquist samples: the detector at any temperatures
     * follows from them without simulation ({@link LikelihoodRatioDetector.Bins#at}).
     */
    public LikelihoodRatioDetector.Bins detectorBins(SpiceSimulator spice, int bitSamples) {
        if (line == null) {
            throw new IllegalStateException("a detector needs the line: build with analyse() or of(resistors, line, ...)");
        }
        double tau = BitLength.duration(bitSamples, bandwidth);
        return LikelihoodRatioDetector.Bins.sweep(spice, resistors, line, bandwidth, tau,
                BandShape.brickWall(bandwidth), LikelihoodRatioDetector.PREDICTION_MAX_BINS);
    }

    /** Directly from spectra on a uniform grid of 4m+1 points spanning the band (Simpson's rule). */
    public static OptimalEavesdropper ofSpectra(SituationSpectra hl, SituationSpectra lh, double bandwidth) {
        int n = hl.size();
        if (n < 5 || (n - 1) % 4 != 0) {
            throw new IllegalArgumentException("need 4m+1 >= 5 grid points, got " + n);
        }
        double h = (hl.frequency()[n - 1] - hl.frequency()[0]) / (n - 1);
        double[] w = new double[n];
        double[] c = new double[n];
        for (int k = 0; k < n; k++) {
            w[k] = h / 3 * (k == 0 || k == n - 1 ? 1 : k % 2 == 1 ? 4 : 2);
            if (k % 2 == 0) {
                int kc = k / 2, last = (n - 1) / 2;
                c[k] = 2 * h / 3 * (kc == 0 || kc == last ? 1 : kc % 2 == 1 ? 4 : 2);
            }
        }
        return new OptimalEavesdropper(hl, lh, w, c, bandwidth);
    }

    /** Eve records through {@code eveInstrument} (default {@link EveInstrument#defaults()}); returns this. */
    public OptimalEavesdropper withInstrument(EveInstrument eveInstrument) {
        this.instrument = java.util.Objects.requireNonNull(eveInstrument);
        return this;
    }

    public EveInstrument instrument() {
        return instrument;
    }

    /**
     * The exact likelihood-ratio test on a bit of {@code seconds} through Eve's instrument ({@link
     * WindowEavesdropper}); empty when built from bare spectra (no band gain).
     */
    public java.util.Optional<WindowLikelihoodRatio> windowTest(NoiseTemperatures t, double seconds) {
        return window == null ? java.util.Optional.empty()
                : java.util.Optional.of(window.test(t, seconds, instrument));
    }

    /**
     * Upper bounds on Eve's success and information for a bit of {@code seconds} from the exact pencil on a window of
     * at most {@code referenceSeconds} ({@link WindowEavesdropper#bound}); empty when built from bare spectra.
     */
    public java.util.Optional<WindowBound> windowBound(NoiseTemperatures t, double seconds, double referenceSeconds) {
        return window == null ? java.util.Optional.empty()
                : java.util.Optional.of(window.bound(t, seconds, instrument, referenceSeconds));
    }

    public SituationSpectra hl() {
        return hl;
    }

    public SituationSpectra lh() {
        return lh;
    }

    public double bandwidth() {
        return bandwidth;
    }

    /** The divergence rates and the Jeffreys rate at one set of temperatures (nats/s), with an error bound. */
    public record Divergence(double hlFromLh, double lhFromHl, double jeffreys, double errorBound) {
    }

    /** D(HL‖LH), D(LH‖HL) and J for the generator temperatures {@code t}. */
    public Divergence divergence(NoiseTemperatures t) {
        double[] gHl = new double[4], gLh = new double[4], delta = new double[4], nu = new double[2];
        double d1 = 0, d2 = 0, j = 0, jc = 0;
        for (int k = 0; k < hl.size(); k++) {
            relativeEigenvalues(k, t, gHl, gLh, delta, nu);
            double a = 0, b = 0, c = 0;
            for (double v : nu) {
                double l = Math.log1p(v);
                a += v - l;
                b += l - v / (1 + v);
                c += v * v / (1 + v);
            }
            d1 += weight[k] * a;
            d2 += weight[k] * b;
            j += weight[k] * c;
            jc += coarseWeight[k] * c;
        }
        return new Divergence(d1, d2, j, Math.abs(j - jc) / 15);
    }

    /** The Jeffreys rate J (nats/s) at the temperatures {@code t}. */
    public double jeffreysRate(NoiseTemperatures t) {
        double[] gHl = new double[4], gLh = new double[4], delta = new double[4], nu = new double[2];
        double j = 0;
        for (int k = 0; k < hl.size(); k++) {
            relativeEigenvalues(k, t, gHl, gLh, delta, nu);
            j += weight[k] * (nu[0] * nu[0] / (1 + nu[0]) + nu[1] * nu[1] / (1 + nu[1]));
        }
        return j;
    }

    /** J of the standard scheme at offset β (R_L sides at β·T_eff; J does not depend on T_eff). */
    public double jeffreysRate(double beta) {
        return jeffreysRate(NoiseTemperatures.standard(1, beta));
    }

    /** ν_1, ν_2 at grid point k: eigenvalues of G_LH⁻¹(G_HL − G_LH). */
    private void relativeEigenvalues(int k, NoiseTemperatures t, double[] gHl, double[] gLh, double[] delta,
            double[] nu) {
        hl.matrix(k, t.highAtAlice(), t.lowAtBob(), gHl);
        lh.matrix(k, t.lowAtAlice(), t.highAtBob(), gLh);
        for (int i = 0; i < 4; i++) {
            delta[i] = gHl[i] - gLh[i];
        }
        Hermitian2.relativeEigenvalues(gLh, delta, nu);
    }

    /** The β in [{@link BetaRule#SEARCH_LOW}, {@link BetaRule#MAX}] that minimises J of the standard scheme. */
    public double betaMinimizing() {
        return betaMinimizing(BetaRule.SEARCH_LOW, BetaRule.MAX);
    }

    /**
     * The β in [lo, hi] that minimises J of the standard scheme: a log-spaced scan, then Brent's method around the
     * best scan point.
     */
    public double betaMinimizing(double lo, double hi) {
        return LogScanMinimum.of(this::jeffreysRate, lo, hi, 121, 1e-13, 1e-300, 1000);
    }

    /** The temperature set that minimises J, found by {@link #bestTemperatures}. */
    public record Defence(NoiseTemperatures temperatures, double jeffreysRate) {
    }

    /**
     * The generalised-KLJN temperatures (up to scale: T_HA = 1) that minimise J: Nelder-Mead on the logarithms of
     * T_LA, T_HB, T_LB, started from the standard scheme at {@code betaStart} and at β = 1, each run restarted from
     * its own optimum until it stops improving.
     */
    public Defence bestTemperatures(double betaStart) {
        double lb = Math.log(betaStart);
        double[][] starts = {{lb, 0, lb}, {0, 0, 0}};
        double[] best = null;
        double bestValue = Double.POSITIVE_INFINITY;
        double scale = Math.max(jeffreysRate(betaStart), Double.MIN_NORMAL);
        for (double[] start : starts) {
            double[] x = start.clone();
            double value = Double.POSITIVE_INFINITY;
            for (int restart = 0; restart < 6; restart++) {
                SimplexOptimizer opt = new SimplexOptimizer(1e-14, 1e-300);
                PointValuePair[] seen = {new PointValuePair(x, Double.POSITIVE_INFINITY)};
                PointValuePair p;
                boolean exhausted = false;
                try {
                    p = opt.optimize(new MaxEval(MAX_EVALUATIONS), new ObjectiveFunction(y -> {
                        double v = jeffreysRate(temperatures(y)) / scale;
                        if (v < seen[0].getValue()) {
                            seen[0] = new PointValuePair(y, v);
                        }
                        return v;
                    }), GoalType.MINIMIZE, new InitialGuess(x), new NelderMeadSimplex(new double[] {0.2, 0.2, 0.2}));
                } catch (TooManyEvaluationsException e) {
                    // J can reach 0 (a line where HL and LH can be made identical): the relative convergence test
                    // then never holds while J keeps falling; the best point seen is the answer (its J is exact)
                    p = seen[0];
                    exhausted = true;
                }
                if (exhausted || !(p.getValue() < value * (1 - 1e-9))) {
                    if (p.getValue() < value) {
                        value = p.getValue();
                        x = p.getPoint();
                    }
                    break;
                }
                value = p.getValue();
                x = p.getPoint();
            }
            if (value < bestValue) {
                bestValue = value;
                best = x;
            }
        }
        NoiseTemperatures t = temperatures(best);
        return new Defence(t, jeffreysRate(t));
    }

    private static NoiseTemperatures temperatures(double[] logs) {
        double[] e = new double[3];
        for (int i = 0; i < 3; i++) {
            // keep inside a physical range: a ratio beyond 1e6 is no defence anyone would build
            e[i] = Math.exp(Math.max(-14, Math.min(14, logs[i])));
        }
        return new NoiseTemperatures(1, e[0], e[1], e[2]);
    }

    /**
     * Whether any temperature set can make G_HL = G_LH over the whole band. G_HL − G_LH is linear in
     * y = (T_HA, T_LA, T_HB, T_LB): Δ(f) = Σ_i y_i A_i(f). J = 0 needs a y ≠ 0 with Δ(f) = 0 at every f, i.e. a
     * null vector of the stacked real equations (four per grid frequency: Δ_UU, Δ_II, Re and Im Δ_UI, normalised
     * by the diagonal of G at β = 1, an invertible congruence that keeps the rank, and weighted by √(quadrature
     * weight)). On the lumped line they have rank 3 and their null
     * vector is the standard scheme at the null β; with capacitance the frequency dependence adds independent
     * equations and they have full rank: no temperature set gives J = 0.
     *
     * @param smallestRelative σ_min/σ_max of the equations: ~1e-14 means a null vector exists (rounding)
     * @param nullVector       the right singular vector of σ_min, scaled to T_HA = 1 (the temperatures closest to
     *                         J = 0)
     */
    public record TemperatureNullSpace(double smallestRelative, double[] nullVector) {
        /** The null vector as temperatures, if all four have one sign; else null. */
        public NoiseTemperatures asTemperatures() {
            for (double v : nullVector) {
                if (!(v > 0)) {
                    return null;
                }
            }
            return new NoiseTemperatures(nullVector[0], nullVector[1], nullVector[2], nullVector[3]);
        }
    }

    public TemperatureNullSpace temperatureNullSpace() {
        int n = hl.size();
        double[][] rows = new double[4 * n][4];
        double[] ref = new double[4];
        double[][] cols = new double[4][4];
        double[] tmp = new double[4];
        for (int k = 0; k < n; k++) {
            hl.matrix(k, 1, 1, ref);
            double su = ref[0], si = ref[1];
            // columns: T_HA (HL, Alice's generator), T_LA (−LH, Alice's), T_HB (−LH, Bob's), T_LB (HL, Bob's)
            hl.matrix(k, 1, 0, cols[0]);
            lh.matrix(k, 1, 0, tmp);
            negate(tmp, cols[1]);
            lh.matrix(k, 0, 1, tmp);
            negate(tmp, cols[2]);
            hl.matrix(k, 0, 1, cols[3]);
            double[] norm = {su, si, Math.sqrt(su * si), Math.sqrt(su * si)};
            double w = Math.sqrt(Math.max(0, weight[k]));
            for (int e = 0; e < 4; e++) {
                for (int i = 0; i < 4; i++) {
                    rows[4 * k + e][i] = w * cols[i][e] / norm[e];
                }
            }
        }
        // the singular values of the stacked equations (relative accuracy ~1e-16, unlike the Gram matrix's
        // eigenvalues, whose square root would only resolve ~1e-8)
        SingularValueDecomposition svd = new SingularValueDecomposition(MatrixUtils.createRealMatrix(rows));
        double[] sv = svd.getSingularValues();
        double[] v = svd.getV().getColumn(3);
        double s = v[0];
        for (int i = 0; i < 4; i++) {
            v[i] /= s;
        }
        return new TemperatureNullSpace(sv[3] / sv[0], v);
    }

    private static void negate(double[] in, double[] out) {
        for (int i = 0; i < 4; i++) {
            out[i] = -in[i];
        }
    }
}
