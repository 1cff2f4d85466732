package org.kljn.analysis.montecarlo;

import org.kljn.analysis.eavesdropper.KeyRate;
import org.kljn.analysis.eavesdropper.LikelihoodRatioDetector;
import org.kljn.analysis.eavesdropper.OptimalResult;
import org.kljn.analysis.eavesdropper.WindowLikelihoodRatio;
import org.kljn.analysis.exact.NoiseTemperatures;
import org.kljn.analysis.finitebit.ExactProbabilities;
import org.kljn.ngspice.StreamListener;

import java.util.List;

/**
 * The likelihood-ratio eavesdropper ({@code optimal}) as the transient applies it to each bit: the exact window test
 * through Eve's instrument ({@link TransientWindowDetector}) where the simulated waveform carries the continuous
 * loop at its resolution ({@link TransientWindowDetector.Support}), else the spectral one at the bins (k − ½)/τ
 * ({@link LikelihoodRatioDetector}), else none (a bit too short to hold a bin below the band edge).
 */
final class OptimalDetector {
    private final TransientWindowDetector.Support support;
    /** The window test; null where it is refused. */
    private final TransientWindowDetector window;
    /** Why the window test is not measured; null where it is. */
    private final WindowRefusal windowRefused;
    /** The spectral detector where the window test is refused; null where it is not, or the bit holds no bin. */
    private final LikelihoodRatioDetector spectral;

    private OptimalDetector(TransientWindowDetector.Support support, TransientWindowDetector window,
            WindowRefusal windowRefused, LikelihoodRatioDetector spectral) {
        this.support = support;
        this.window = window;
        this.windowRefused = windowRefused;
        this.spectral = spectral;
    }

    /** The detector for the schedule's bits over the band the injected noise really has, stepped as {@code chosen}. */
    static OptimalDetector design(Sessions sessions, BitSchedule schedule, SituationExpectations exact,
            StepChoice chosen) {
        BitExchangeSettings s = schedule.settings();
        double tau = s.bitDuration();
        TransientWindowDetector.Support support = TransientWindowDetector.Support.of(s, schedule.noise(), chosen);
        TransientWindowDetector window = null;
        WindowRefusal designRefusal = null;
        if (support.refusal() == null) {
            try {
                window = TransientWindowDetector.design(s, exact, tau);
            } catch (IllegalArgumentException tooManyFunctions) {
                // the injected band with its images (the FIR scheme's reach far above the band) needs more window
                // functions than the dense test holds: the spectral detector, with the reason
                designRefusal = WindowRefusal.of(tooManyFunctions.getMessage());
            }
        }
        WindowRefusal windowRefused = support.refusal() != null ? support.refusal() : designRefusal != null
                ? designRefusal : window.statistic() == null ? WindowRefusal.of(window.unresolved()) : null;
        if (windowRefused == null) {
            return new OptimalDetector(support, window, null, null);
        }
        LikelihoodRatioDetector spectral = LikelihoodRatioDetector.binCount(s.bandwidth(), tau) < 1 ? null
                : sessions.apply(spice -> LikelihoodRatioDetector.design(spice, s.resistors(), s.line(),
                        s.bandwidth(), tau, schedule.band(), NoiseTemperatures.standard(s.tEff(), s.beta()),
                        LikelihoodRatioDetector.TRANSIENT_MAX_BINS));
        return new OptimalDetector(support, null, windowRefused, spectral);
    }

    /** Whether the exact window test is measured. */
    boolean window() {
        return windowRefused == null;
    }

    /**
     * The stream that gives each of one run's bit windows its Λ ({@code bits.get(w)} is window w's bit), or null
     * without a detector. The window test projects each bit on the window's Legendre functions and adds Eve's
     * instrument floor from the bit's own stream; the spectral one transforms U_A and I_A at its bins.
     */
    StreamListener listener(BitExchangeSettings s, BitWindows windows, List<Integer> bits, double solverStep,
            BitMeasurements into) {
        if (window()) {
            WindowLikelihoodStatistic statistic = window.statistic();
            return new LegendreProjection(windows, statistic.order(), (w, coefficients) -> {
                int bit = bits.get(w);
                into.putLikelihoodRatio(bit, statistic.logLikelihoodRatio(
                        TransientWindowDetector.withFloor(coefficients, s.eveNoise(), s.seed(), bit)));
            });
        }
        return spectral == null ? null : new WhittleStream(windows, spectral, solverStep,
                (w, statistic) -> into.putLikelihoodRatio(bits.get(w), statistic));
    }

    /** The outcome over all bits, beside its prediction; null without a detector. */
    BitExchangeResult.OptimalOutcome outcome(BitDecisions d, BitMeasurements measured) {
        int bits = d.hl().length;
        if (window()) {
            BitExchangeResult.WindowMeasurement m = new BitExchangeResult.WindowMeasurement(
                    EmpiricalLikelihoodRatios.of(measured.likelihoodRatios(), d.hl()), window.predicted(),
                    support.edgeCompression());
            return new BitExchangeResult.OptimalOutcome(d.optimalCorrect(), bits,
                    window.predicted().successProbability(), 0, OptimalResult.WINDOW, m, null);
        }
        return spectral == null ? null : new BitExchangeResult.OptimalOutcome(d.optimalCorrect(), bits,
                spectral.successProbability(), spectral.bins(), BitExchangeResult.OptimalOutcome.SPECTRAL, null,
                windowRefused);
    }

    /**
     * The key rate measured from Eve's window Λ and Alice's and Bob's decisions on each bit, beside its prediction
     * from the same exact probabilities; null where the window test is not measured or either situation has fewer
     * than two bits.
     */
    BitExchangeResult.KeyRateOutcome keyRate(BitDecisions d, BitMeasurements measured,
            ExactProbabilities probabilities, double tau) {
        int hlBits = d.hlBits();
        if (!window() || hlBits < 2 || d.hl().length - hlBits < 2) {
            return null;
        }
        WindowLikelihoodRatio w = window.predicted();
        KeyRate.Errors errors = KeyRate.Errors.of(probabilities.aliceBobHl(), probabilities.aliceBobLh());
        return new BitExchangeResult.KeyRateOutcome(
                MeasuredKeyRate.of(measured.likelihoodRatios(), d.hl(), d.aliceWrong(), d.bobWrong(), tau),
                new KeyRate(tau, errors, KeyRate.aliceBobInformation(errors), w.mutualInformation(),
                        w.successProbability(), OptimalResult.WINDOW, KeyRate.KEPT_FRACTION, 1));
    }
}
