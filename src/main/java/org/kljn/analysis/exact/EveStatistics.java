package org.kljn.analysis.exact;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.kljn.circuit.KljnLoop;
import org.kljn.noise.Johnson;

import java.util.EnumMap;
import java.util.Map;

/**
 * How well Eve can tell LH from HL with each attack in a bit exchange of finite duration τ.
 *
 * <p>Each attack's statistic is the time average over the bit of z(t) = Σ c_t x_t(t) y_t(t), a quadratic form
 * of jointly Gaussian stationary probe signals. Its mean μ is the exact signal; for τ much longer than the
 * correlation time its variance is V/τ with the variance rate
 * <pre>
 *   V = ∫ C_zz(τ) dτ = Σ_t Σ_t' c_t c_t' · ½ Re ∫_0^∞ [G_xu conj(G_yv) + G_xv conj(G_yu)] df,
 * </pre>
 * (Isserlis: Cov(xy, uv) = R_xu R_yv + R_xv R_yu; Parseval with the one-sided cross spectra
 * G_xy(f) = Σ_s S_s(f) H_sx(f) conj(H_sy(f))). By the central limit theorem the statistic is then
 * Gaussian, and Eve, who knows the expected sign of μ for each bit situation, guesses right with probability
 * <pre>
 *   p(τ) = Φ(|μ| √(τ / V)).
 * </pre>
 * The rate d = |μ|/√V (s^-1/2) is Eve's information per bit duration; the defence should minimise the best
 * attack's d. Check: for one band-limited white signal x of one-sided PSD G0 on [0, Δf], z = x² gives
 * V = G0² Δf, i.e. Var = σ⁴/(Δf τ) = 2σ⁴/N for N = 2Δfτ independent Nyquist samples.
 */
public final class EveStatistics {
    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

    private final KljnLoop loop;
    private final TransferFunctions tf;
    private final double tEff;

    private EveStatistics(KljnLoop loop, TransferFunctions tf, double tEff) {
        this.loop = loop;
        this.tf = tf;
        this.tEff = tEff;
    }

    public static EveStatistics of(KljnLoop loop, TransferFunctions tf, double tEff) {
        return new EveStatistics(loop, tf, tEff);
    }

    /** One attack at one β: the mean of its statistic and the variance rate. */
    public record AttackStatistic(Attack attack, double beta, double mean, double varianceRate) {
        /** |μ|/√V in s^-1/2: Eve's discrimination per square root of bit duration. */
        public double snrRate() {
            return varianceRate > 0 ? Math.abs(mean) / Math.sqrt(varianceRate) : 0;
        }

        /**
         * Eve's probability of a correct guess from one bit of duration {@code seconds} in the Gaussian long-window
         * limit Φ(|μ|√(τ/V)); it understates her for short bits (skewed statistics): the exact finite-bit value is
         * {@link org.kljn.analysis.finitebit.ExactProbabilities}.
         */
        public double successProbability(double seconds) {
            return STANDARD_NORMAL.cumulativeProbability(snrRate() * Math.sqrt(seconds));
        }

        /** Standard deviation of the statistic's time average over {@code seconds}. */
        public double standardDeviation(double seconds) {
            return Math.sqrt(varianceRate / seconds);
        }
    }

    /** All three attacks at {@code beta}. */
    public Map<Attack, AttackStatistic> at(double beta) {
        double[][][] gRe = new double[4][4][];
        double[][][] gIm = new double[4][4][];
        crossSpectra(beta, gRe, gIm);
        KljnMoments m = KljnMoments.of(loop, ExactAnalysis.integrals(tf), tEff, beta);
        Map<Attack, AttackStatistic> result = new EnumMap<>(Attack.class);
        for (Attack a : Attack.values()) {
            double mean = m.signal(a);
            if (Math.abs(mean) <= 1e-12 * m.scale(a)) {
                mean = 0; // identically zero up to rounding (the current attack on a lumped line)
            }
            result.put(a, new AttackStatistic(a, beta, mean, varianceRate(a, gRe, gIm)));
        }
        return result;
    }

    /**
     * The variance rate of a probe's time-averaged square, e.g. Alice's own statistic ⟨U_A²⟩ (the KLJN
     * protocol's decision): V = ∫_0^∞ G_XX(f)² df.
     */
    public double meanSquareVarianceRate(Probe probe, double beta) {
        double[][][] gRe = new double[4][4][];
        double[][][] gIm = new double[4][4][];
        crossSpectra(beta, gRe, gIm);
        int x = probe.ordinal();
        return varianceRate(ProbeQuadraticForm.meanSquareTerms(probe), gRe, gIm, null);
    }

    /** The best attack's snrRate at β. */
    public double bestSnrRate(double beta) {
        double best = 0;
        for (AttackStatistic s : at(beta).values()) {
            best = Math.max(best, s.snrRate());
        }
        return best;
    }

    /**
     * Eve's best success probability over the attacks at β for a bit of {@code seconds}, in the Gaussian long-window
     * limit (see {@link AttackStatistic#successProbability}; exact: {@link org.kljn.analysis.finitebit.ExactProbabilities}): at least ½.
     */
    public double bestSuccessProbability(double beta, double seconds) {
        double best = 0.5;
        for (AttackStatistic s : at(beta).values()) {
            best = Math.max(best, s.successProbability(seconds));
        }
        return best;
    }

    /** The attack with the largest |μ|/√V at β (the first in {@link Attack} order on a tie). */
    public Attack bestAttack(double beta) {
        Attack best = Attack.BSY;
        double v = -1;
        for (AttackStatistic s : at(beta).values()) {
            if (s.snrRate() > v) {
                v = s.snrRate();
                best = s.attack();
            }
        }
        return best;
    }

    /**
     * The β in [{@link BetaRule#SEARCH_LOW}, {@link BetaRule#MAX}] that minimises Eve's best attack (max over attacks of
     * |μ|/√V).
     */
    public double betaMinimax() {
        return betaMinimax(BetaRule.SEARCH_LOW, BetaRule.MAX);
    }

    /**
     * The β in [lo, hi] that minimises Eve's best attack: a log-spaced scan followed by Brent's method around the
     * best scan point.
     */
    double betaMinimax(double lo, double hi) {
        return LogScanMinimum.of(this::bestSnrRate, lo, hi, 120, 1e-12, 1e-14, 500);
    }

    private void crossSpectra(double beta, double[][][] gRe, double[][][] gIm) {
        double tAlice = NoiseTemperatures.standard(loop.alice(), tEff, beta);
        double tBob = NoiseTemperatures.standard(loop.bob(), tEff, beta);
        double s0Alice = Johnson.voltagePsd(tAlice, loop.aliceResistance());
        double s0Bob = Johnson.voltagePsd(tBob, loop.bobResistance());
        int n = tf.size();
        for (int x = 0; x < 4; x++) {
            for (int y = 0; y < 4; y++) {
                double[] re = new double[n];
                double[] im = new double[n];
                for (int k = 0; k < n; k++) {
                    // H_x conj(H_y) per generator, weighted by its PSD level (the shape g is in the weights)
                    double ar = tf.aliceRe()[x][k], ai = tf.aliceIm()[x][k];
                    double br = tf.aliceRe()[y][k], bi = tf.aliceIm()[y][k];
                    double cr = tf.bobRe()[x][k], ci = tf.bobIm()[x][k];
                    double dr = tf.bobRe()[y][k], di = tf.bobIm()[y][k];
                    re[k] = s0Alice * (ar * br + ai * bi) + s0Bob * (cr * dr + ci * di);
                    im[k] = s0Alice * (ai * br - ar * bi) + s0Bob * (ci * dr - cr * di);
                }
                gRe[x][y] = re;
                gIm[x][y] = im;
            }
        }
    }

    private double varianceRate(Attack a, double[][][] gRe, double[][][] gIm) {
        return varianceRate(ProbeQuadraticForm.terms(a), gRe, gIm, null);
    }

    /**
     * The variance rates of the decision statistics with an extra spectral weight m(f) in the integrand of
     * V = Σ c c' ½ Re ∫ [G_xu conj G_yv + G_xv conj G_yu] m(f) df: the three attacks in {@link Attack} order, then
     * ⟨U_A²⟩ and ⟨U_B²⟩ (Alice's and Bob's own statistics). m = 1 gives the ordinary rates; m = J = 1 + (πfh)²
     * gives the rates of a pre-warped trapezoidal transient ({@link org.kljn.analysis.montecarlo.StepChoice#inflation}).
     */
    public double[] decisionVarianceRates(double beta, java.util.function.DoubleUnaryOperator m) {
        double[][][] gRe = new double[4][4][];
        double[][][] gIm = new double[4][4][];
        crossSpectra(beta, gRe, gIm);
        double[] extra = new double[tf.size()];
        for (int k = 0; k < extra.length; k++) {
            extra[k] = m.applyAsDouble(tf.frequency()[k]);
        }
        Attack[] attacks = Attack.values();
        double[] v = new double[attacks.length + 2];
        for (int i = 0; i < attacks.length; i++) {
            v[i] = varianceRate(ProbeQuadraticForm.terms(attacks[i]), gRe, gIm, extra);
        }
        v[attacks.length] = varianceRate(ProbeQuadraticForm.meanSquareTerms(Probe.U_A), gRe, gIm, extra);
        v[attacks.length + 1] = varianceRate(ProbeQuadraticForm.meanSquareTerms(Probe.U_B), gRe, gIm, extra);
        return v;
    }

    private double varianceRate(java.util.List<ProbeQuadraticForm.Term> t, double[][][] gRe, double[][][] gIm,
            double[] extra) {
        double v = 0;
        for (ProbeQuadraticForm.Term p : t) {
            for (ProbeQuadraticForm.Term q : t) {
                int x = p.x().ordinal(), y = p.y().ordinal(), u = q.x().ordinal(), w = q.y().ordinal();
                double sum = 0;
                for (int k = 0; k < tf.size(); k++) {
                    double re1 = gRe[x][u][k] * gRe[y][w][k] + gIm[x][u][k] * gIm[y][w][k];
                    double re2 = gRe[x][w][k] * gRe[y][u][k] + gIm[x][w][k] * gIm[y][u][k];
                    sum += shapeWeight(k) * (re1 + re2) * (extra == null ? 1 : extra[k]);
                }
                v += p.coefficient() * q.coefficient() * 0.5 * sum;
            }
        }
        return v;
    }

    /**
     * Quadrature weight for a product of two cross spectra: each G carries the shape g once, while
     * {@code tf.weight()} already holds g once, so a second factor g is applied here.
     */
    private double shapeWeight(int k) {
        return tf.weight()[k] * tf.gainAt(k);
    }
}
