package org.kljn.analysis.montecarlo;

import org.kljn.analysis.eavesdropper.LikelihoodRatioDetector;
import org.kljn.analysis.exact.Probe;

/**
 * Streams a transient's accepted points into each bit window's finite Fourier transform of U_A and I_A at the
 * likelihood-ratio detector's bins, and hands each window's statistic Λ to a consumer when the window ends.
 * Steps that straddle a window boundary are split there by linear interpolation (as in {@link WindowMoments}).
 * Memory: the bins, independent of the bit's length.
 */
public final class WhittleStream extends WindowStream {
    /** Receives each window's likelihood-ratio statistic. */
    @FunctionalInterface
    public interface StatisticConsumer {
        void windowDone(int window, double statistic);
    }

    private final LikelihoodRatioDetector detector;
    private final StatisticConsumer consumer;
    private final BinTransform transform;

    public WhittleStream(BitWindows windows, LikelihoodRatioDetector detector, double step,
            StatisticConsumer consumer) {
        super(windows, Probe.U_A, Probe.I_A);
        this.detector = detector;
        this.consumer = consumer;
        this.transform = new BinTransform(detector.binFrequencies(), step);
    }

    @Override
    void restart() {
        transform.reset();
    }

    @Override
    void segment(int window, double a, double b, double[] ya, double[] yb) {
        transform.segment(b - a, ya[0], ya[1], yb[0], yb[1]);
    }

    @Override
    void windowDone(int window) {
        consumer.windowDone(window, detector.statistic(transform.voltageRe(), transform.voltageIm(),
                transform.currentRe(), transform.currentIm()));
        transform.reset();
    }
}
