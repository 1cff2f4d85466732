package org.kljn.analysis.montecarlo;

import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.kljn.analysis.eavesdropper.EveInstrument;
import org.kljn.analysis.eavesdropper.OptimalResult;
import org.kljn.analysis.eavesdropper.WindowEavesdropper;
import org.kljn.analysis.eavesdropper.WindowLikelihoodRatio;
import org.kljn.analysis.exact.NoiseTemperatures;
import org.kljn.noise.InjectedNoise;
import org.kljn.noise.NyquistNoise;
import org.kljn.noise.StreamKey;

import java.util.Locale;

/**
 * The exact window likelihood ratio ({@link WindowEavesdropper}) as the transient applies it to each simulated bit:
 * the coefficient covariances and the prediction over the band the injected noise really has, through Eve's
 * instrument, and her floor added to each bit's coefficients as Java noise.
 *
 * <p><b>The floor.</b> White noise of one-sided PSD N_a on [0, τ] has, in any orthonormal basis of the window,
 * independent N(0, N_a/2) coefficients: so it is added to the projected coefficients exactly, with no time-domain
 * noise. Each bit's floor comes from its own stream ({@link StreamKey}: the run's seed, party
 * {@link #EVE_INSTRUMENT_PARTY}, the bit's index), so it is reproducible and independent of the thread count.
 *
 * @param predicted  the exact test for the bit (null when unresolved)
 * @param statistic  Λ on each bit's coefficients (null when unresolved)
 * @param unresolved why the window test could not be formed (the loop's noise exceeds Eve's floor by more than
 *                   double precision resolves), else null
 */
record TransientWindowDetector(WindowLikelihoodRatio predicted, WindowLikelihoodStatistic statistic,
        String unresolved) {
    /** StreamKey party of Eve's instrument noise (2 and 3 are the protocol's choices and coins). */
    static final int EVE_INSTRUMENT_PARTY = 4;

    /**
     * The most the solver's frequency warp may pull the simulated band's edge in, 1 − f_e/Δf, for the window test to
     * be measured. The detector sees every dimension of the band, including the band edge's transition, where the
     * spectrum falls steeply: there a compression c changes the simulated covariance by c times the spectrum's
     * logarithmic slope, far more than c itself, and the model's likelihood ratio is no longer the simulated data's.
     * Computed exactly (the model's Λ on the warped process's coefficient covariances, χ² mixtures: {@code
     * WindowWarpIT}) on the capacitive test ladder: c = 0.48 % (K = 13, the distributions grid there) moves the
     * success by −0.0031 at M = 20 and −0.0043 at M = 200, which the transient measured (−0.0036 ± 0.0033,
     * −0.0068 ± 0.0035); the shift scales as c (as h²). So 0.2 % (K ≥ 21), where the computed shift is within
     * 0.002, a fifth of the 0.01 the measurement resolves. Calibrated on that ladder, not a bound.
     */
    static final double MAX_EDGE_COMPRESSION = 0.002;

    /** 1 − atan(πΔf h_s)/(πΔf h_s): how far steps of h_s pull the band edge Δf in (bilinear map). */
    static double edgeCompression(double bandwidth, double step) {
        double x = Math.PI * bandwidth * step;
        return 1 - Math.atan(x) / x;
    }

    /**
     * The coarsest pre-warped grid (points per Nyquist interval, one solver step each) whose edge compression is
     * within {@link #MAX_EDGE_COMPRESSION}: 21.
     */
    static int windowGrid() {
        int k = 1;
        while (edgeCompression(1, 1 / (2.0 * k)) > MAX_EDGE_COMPRESSION) {
            k++;
        }
        return k;
    }

    /** The window test for the bit of {@code tau} over the injected band's transfer functions. */
    static TransientWindowDetector design(BitExchangeSettings s, SituationExpectations exact, double tau) {
        WindowEavesdropper eve = WindowEavesdropper.of(s.resistors(), s.line(), exact.transfer());
        NoiseTemperatures t = NoiseTemperatures.standard(s.tEff(), s.beta());
        try {
            WindowEavesdropper.CoefficientCovariances c = eve.coefficientCovariances(t, tau, s.eveNoise());
            // on the Legendre polynomials the waveforms are projected on: the detector applied, K its size
            WindowLikelihoodRatio predicted = eve.legendreTest(t, tau, s.eveNoise());
            return new TransientWindowDetector(predicted, statistic(c), null);
        } catch (ArithmeticException unresolved) {
            return new TransientWindowDetector(null, null, "the window test"
                    + " cannot resolve Eve's floor under the loop's noise in double precision (" + unresolved.getMessage()
                    + ")");
        }
    }

    /** Λ from the signal covariances with the floor N_a/2 added on every coefficient of channel a. */
    static WindowLikelihoodStatistic statistic(WindowEavesdropper.CoefficientCovariances c) {
        int k = c.order();
        double[][] hl = c.hl();
        double[][] lh = c.lh();
        double[] floor = new double[2 * k];
        double[] perChannel = c.floorVariance();
        for (int i = 0; i < floor.length; i++) {
            floor[i] = perChannel[i < k ? 0 : 1];
            hl[i][i] += floor[i];
            lh[i][i] += floor[i];
        }
        return WindowLikelihoodStatistic.of(k, hl, lh, floor);
    }

    /** The coefficients with Eve's floor added: iid N(0, N_a/2) from bit {@code bit}'s own stream (a new array). */
    static double[] withFloor(double[] coefficients, EveInstrument eve, long seed, int bit) {
        ZigguratSampler.NormalizedGaussian normal = ZigguratSampler.NormalizedGaussian.of(
                StreamKey.of(seed, EVE_INSTRUMENT_PARTY, bit).newRng());
        int k = coefficients.length / 2;
        double su = Math.sqrt(eve.voltageNoise() / 2);
        double si = Math.sqrt(eve.currentNoise() / 2);
        double[] x = new double[coefficients.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = coefficients[i] + (i < k ? su : si) * normal.sample();
        }
        return x;
    }

    /**
     * Whether the simulated waveform represents the continuous loop well enough for the window test, which sees
     * every dimension of the band (not just a moment's weighted average), and how far the band edge is pulled in.
     *
     * @param refusal         why the window test is not measured and what would measure it (null: it is)
     * @param edgeCompression 1 − f_e/Δf with f_e = atan(πΔf h_s)/(π h_s): the trapezoidal rule at steps h_s is the
     *                        bilinear map, so the simulated waveform carries the continuous frequency f_w at
     *                        f = atan(πf_w h_s)/(πh_s) (pre-warped noise makes every mean exact, but the spectrum
     *                        is still compressed by (πfh_s)²/3 to leading order); 0 on a memoryless loop
     */
    record Support(WindowRefusal refusal, double edgeCompression) {
        static Support of(BitExchangeSettings s, InjectedNoise noise, StepChoice chosen) {
            if (s.bitSamples() > OptimalResult.WINDOW_LIMIT) {
                return new Support(WindowRefusal.of("a bit of more than " + OptimalResult.WINDOW_LIMIT + " Nyquist"
                        + " samples: the exact window test is not computed (as in analyze); the spectral detector is not"
                        + " a bound"), 0);
            }
            if (s.noise() == BitExchangeSettings.NoiseMode.TRNOISE) {
                return new Support(WindowRefusal.of("TRNOISE: ngspice's own generator and steps (a backward-Euler"
                        + " step after every breakpoint), whose waveform is not the modelled process at the window test's"
                        + " resolution"), 0);
            }
            if (s.line().capacitance() == 0) {
                if (noise instanceof NyquistNoise) {
                    return new Support(new WindowRefusal("Nyquist-rate samples linear in between (K = 1) are"
                            + " cyclostationary with a sinc^4 band of unbounded extent, not the stationary process the"
                            + " window test models", new WindowRefusal.Remedy(2, null)), 0);
                }
                return new Support(null, 0);
            }
            double hs = noise.gridStep() / chosen.stepsPerSample();
            double compression = TransientWindowDetector.edgeCompression(s.bandwidth(), hs);
            if (compression > MAX_EDGE_COMPRESSION * (1 + 1e-9)) {
                return new Support(new WindowRefusal(String.format(Locale.ROOT, "the solver's step (%.3g s, accuracy"
                        + " goal %s) pulls the simulated band's edge in by %.2g %% (at most %.2g %% for the window test,"
                        + " which sees every dimension of the band)", hs, s.accuracy().key(), 100 * compression,
                        100 * MAX_EDGE_COMPRESSION), new WindowRefusal.Remedy(windowGrid(), AccuracyGoal.DISTRIBUTIONS)),
                        compression);
            }
            return new Support(null, compression);
        }
    }
}
