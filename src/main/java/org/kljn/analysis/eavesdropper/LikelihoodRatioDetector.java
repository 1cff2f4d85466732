package org.kljn.analysis.eavesdropper;

import org.kljn.analysis.exact.NoiseTemperatures;
import org.kljn.analysis.finitebit.ChiSquareMixture;
import org.kljn.circuit.KljnLoop;
import org.kljn.circuit.LineModel;
import org.kljn.circuit.Resistor;
import org.kljn.circuit.ResistorPair;
import org.kljn.ngspice.SpiceSimulator;
import org.kljn.noise.BandShape;

/**
 * Eve's likelihood-ratio test between the secure situations HL and LH for one bit of duration τ, in its spectral
 * (Whittle) form, and the exact distribution of its statistic.
 *
 * <p>Eve takes the finite Fourier transform of the bit's U_A and I_A at the bins f_k = (k − ½)/τ inside the band
 * (k = 1 … K = ⌊Δf τ⌋): x_k = ∫_bit (U_A, I_A)(t) e^{−2πi f_k t} dt. For a long bit the x_k are independent
 * circular complex Gaussian vectors with covariance C_s = (τ/2) G_s(f_k) in situation s. The log likelihood ratio
 * is then
 * <pre>
 *   Λ = Σ_k [x_kᴴ (C_LH⁻¹ − C_HL⁻¹) x_k + ln det C_LH − ln det C_HL],   Eve says HL when Λ &gt; 0 (equal priors).
 * </pre>
 * With ν_{k,1}, ν_{k,2} the eigenvalues of G_LH⁻¹(G_HL − G_LH) at f_k, the quadratic form is Σ ν E under HL and
 * Σ ν/(1+ν) E under LH (E independent Exp(1), i.e. χ²₂/2), and the threshold is s = Σ ln(1+ν), so
 * <pre>
 *   P(correct) = ½ [P(Σ ν E &gt; s) + P(Σ ν/(1+ν) E &lt; s)].
 * </pre>
 * This is the distribution of the statistic this class computes ({@link #statistic}); that the finite window's
 * bins are close enough to independent is tested against a Monte Carlo of the Gaussian process.
 */
public final class LikelihoodRatioDetector {
    private final double[] frequency;
    private final double tau;
    /** Per bin: C_LH⁻¹ − C_HL⁻¹ as {a, d, Re b, Im b}. */
    private final double[][] difference;
    private final double constant;
    private final double[] nu;

    private LikelihoodRatioDetector(double[] frequency, double tau, double[][] difference, double constant,
            double[] nu) {
        this.frequency = frequency;
        this.tau = tau;
        this.difference = difference;
        this.constant = constant;
        this.nu = nu;
    }

    /**
     * The number of bins f_k = (k − ½)/τ below the band edge Δf: ⌊Δf τ⌋ (M/2 for a bit of M Nyquist samples). The
     * half-integer bins are orthogonal on the bit like the Fourier bins k/τ, and they tile [0, Δf] evenly (the
     * midpoint rule): no real-valued DC bin and no half-filled bin at the band edge, where the capacitive
     * information is densest.
     */
    public static int binCount(double bandwidth, double tau) {
        return Math.max(0, (int) Math.floor(bandwidth * tau * (1 + 1e-12)));
    }

    /**
     * The most bins the transient's detector uses: a longer bit (more than 2·128 Nyquist samples) uses every s-th
     * bin, s = ⌈K/128⌉, so that its per-point work stays bounded (about 1 µs per accepted point). That is still a
     * likelihood ratio of orthogonal bins, with its own exact distribution (the prediction is for it), but no longer
     * the best detector.
     */
    public static final int TRANSIENT_MAX_BINS = 128;

    /** The most bins a prediction uses (bits up to 131,072 Nyquist samples are predicted with every bin). */
    public static final int PREDICTION_MAX_BINS = 65_536;

    /** The stride between the bins used for a bit with {@code binCount} bins in the band, at most {@code maxBins}. */
    public static int binStride(int binCount, int maxBins) {
        return Math.max(1, (binCount + maxBins - 1) / maxBins);
    }

    /** The bin frequency f_k = (k − ½)/τ, k = 1 … K. */
    public static double binFrequency(int k, double tau) {
        return (k - 0.5) / tau;
    }

    /**
     * Designs the detector for a line: AC sweeps of both situations at the bin frequencies.
     *
     * @param band the generators' band shape g (the level of G at each bin)
     */
    public static LikelihoodRatioDetector design(SpiceSimulator spice, ResistorPair resistors, LineModel line,
            double bandwidth, double tau, BandShape band, NoiseTemperatures t) {
        return design(spice, resistors, line, bandwidth, tau, band, t, PREDICTION_MAX_BINS);
    }

    /** As {@link #design(SpiceSimulator, ResistorPair, LineModel, double, double, BandShape, NoiseTemperatures)}
     * with at most {@code maxBins} bins (every s-th bin of a longer bit). */
    public static LikelihoodRatioDetector design(SpiceSimulator spice, ResistorPair resistors, LineModel line,
            double bandwidth, double tau, BandShape band, NoiseTemperatures t, int maxBins) {
        return Bins.sweep(spice, resistors, line, bandwidth, tau, band, maxBins).at(t);
    }

    /**
     * Both secure situations' transfer functions at a bit's bins with the band gain there: everything the detector
     * needs except the temperatures, so one pair of AC sweeps serves every defence (β or temperature set) compared
     * for the same bit.
     *
     * @param hl   HL's spectra at the bins f_k = (k − ½)/τ used
     * @param lh   LH's, at the same bins
     * @param gain the band gain g(f_k) at each
     * @param tau  the bit, s
     */
    public record Bins(SituationSpectra hl, SituationSpectra lh, double[] gain, double tau) {
        public Bins {
            gain = gain.clone();
        }

        @Override
        public double[] gain() {
            return gain.clone();
        }

        /** AC sweeps of both situations at the bins (at most {@code maxBins}: every s-th bin of a longer bit). */
        public static Bins sweep(SpiceSimulator spice, ResistorPair resistors, LineModel line, double bandwidth,
                double tau, BandShape band, int maxBins) {
            int k = binCount(bandwidth, tau);
            if (k < 1) {
                throw new org.kljn.circuit.ParameterException(org.kljn.circuit.Parameter.BIT_SAMPLES, String.format(java.util.Locale.ROOT,
                        "a bit of %.4g s has no frequency bin 1/(2 tau) below the band edge %.4g Hz: at least 2 Nyquist"
                                + " samples (2 bandwidth tau >= 2) needed", tau, bandwidth));
            }
            int stride = binStride(k, maxBins);
            int n = (k + stride - 1) / stride;
            int last = 1 + (n - 1) * stride;
            SituationSpectra hl = SituationSpectra.sweep(spice, KljnLoop.secure(resistors, Resistor.H, line),
                    binFrequency(1, tau), binFrequency(last, tau), n);
            SituationSpectra lh = SituationSpectra.sweep(spice, KljnLoop.secure(resistors, Resistor.L, line),
                    binFrequency(1, tau), binFrequency(last, tau), n);
            double[] gain = new double[n];
            for (int i = 0; i < n; i++) {
                gain[i] = band.gain(binFrequency(1 + i * stride, tau));
            }
            return new Bins(hl, lh, gain, tau);
        }

        /** The detector at the generator temperatures {@code t} (no simulation). */
        public LikelihoodRatioDetector at(NoiseTemperatures t) {
            return of(hl, lh, gain, tau, t);
        }
    }

    /**
     * From spectra sampled at bins f_k = (k − ½)/τ (all of k = 1 … K, or a subset: they are orthogonal on the bit
     * either way), with the band gain g(f_k) there.
     */
    public static LikelihoodRatioDetector of(SituationSpectra hl, SituationSpectra lh, double[] gain, double tau,
            NoiseTemperatures t) {
        int n = hl.size();
        double[][] diff = new double[n][4];
        double[] nus = new double[2 * n];
        double[] gHl = new double[4], gLh = new double[4], delta = new double[4], v = new double[2];
        double[] inv = new double[4];
        double c = 0;
        for (int k = 0; k < n; k++) {
            double index = hl.frequency()[k] * tau + 0.5;
            if (Math.abs(index - Math.rint(index)) > 1e-6 * index || index < 0.75) {
                throw new IllegalArgumentException("spectra must sit on the bins (k - 1/2)/tau; point " + k
                        + " is at " + hl.frequency()[k] + " Hz");
            }
            hl.matrix(k, t.highAtAlice(), t.lowAtBob(), gHl);
            lh.matrix(k, t.lowAtAlice(), t.highAtBob(), gLh);
            for (int i = 0; i < 4; i++) {
                delta[i] = gHl[i] - gLh[i];
            }
            Hermitian2.relativeEigenvalues(gLh, delta, v);
            nus[2 * k] = v[0];
            nus[2 * k + 1] = v[1];
            c -= Math.log1p(v[0]) + Math.log1p(v[1]);
            if (!(gain[k] > 0)) {
                throw new IllegalArgumentException("the band has no power at bin " + (k + 1) + " ("
                        + hl.frequency()[k] + " Hz): the likelihood ratio needs g(f_k) > 0 at every bin");
            }
            // C = (τ/2) 4k g G/(4k g) in SI units
            double scale = tau / 2 * 4 * org.kljn.noise.Johnson.BOLTZMANN * gain[k];
            Hermitian2.inverse(gLh, inv);
            for (int i = 0; i < 4; i++) {
                diff[k][i] = inv[i] / scale;
            }
            Hermitian2.inverse(gHl, inv);
            for (int i = 0; i < 4; i++) {
                diff[k][i] -= inv[i] / scale;
            }
        }
        return new LikelihoodRatioDetector(hl.frequency().clone(), tau, diff, c, nus);
    }

    public int bins() {
        return frequency.length;
    }

    public double bitDuration() {
        return tau;
    }

    /** The bin frequencies f_k = (k − ½)/τ, Hz. */
    public double[] binFrequencies() {
        return frequency.clone();
    }

    /**
     * Λ from the bit's finite Fourier transforms at the bins (V·s and A·s): positive means HL is the likelier
     * situation.
     */
    public double statistic(double[] uRe, double[] uIm, double[] iRe, double[] iIm) {
        double s = constant;
        for (int k = 0; k < frequency.length; k++) {
            s += Hermitian2.quadraticForm(difference[k], uRe[k], uIm[k], iRe[k], iIm[k]);
        }
        return s;
    }

    /** The eigenvalues ν (two per bin). */
    public double[] relativeEigenvalues() {
        return nu.clone();
    }

    /** Eve's probability of a correct guess, equal priors. */
    public double successProbability() {
        return probability(true);
    }

    /** Eve's probability of a wrong guess, computed directly (not as 1 − success). */
    public double errorProbability() {
        return probability(false);
    }

    /** Σ w_j E_j with E_j ~ Exp(1) = χ²₂/2: the χ² mixture with weights w/2 and 2 degrees of freedom each. */
    private static ChiSquareMixture exponentials(double[] w) {
        double[] half = new double[w.length];
        double[] dof = new double[w.length];
        for (int i = 0; i < w.length; i++) {
            half[i] = w[i] / 2;
            dof[i] = 2;
        }
        return ChiSquareMixture.of(half, dof);
    }

    private double probability(boolean correct) {
        double threshold = 0, size = 0;
        double[] underLh = new double[nu.length];
        for (int i = 0; i < nu.length; i++) {
            threshold += Math.log1p(nu[i]);
            size += nu[i] * nu[i];
            underLh[i] = nu[i] / (1 + nu[i]);
        }
        if (size < 1e-20) {
            // the likelihood ratio is 1 up to rounding: Eve guesses (her edge is below 1e-10)
            return 0.5;
        }
        ChiSquareMixture hl = exponentials(nu);
        ChiSquareMixture lh = exponentials(underLh);
        return correct ? 0.5 * (hl.survival(threshold) + lh.cdf(threshold))
                : 0.5 * (hl.cdf(threshold) + lh.survival(threshold));
    }
}
