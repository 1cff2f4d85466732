package org.kljn.analysis.montecarlo;

import org.kljn.analysis.eavesdropper.LikelihoodRatioDetector;
import org.kljn.analysis.exact.Probe;
import org.kljn.circuit.Probes;
import org.kljn.ngspice.StreamListener;

import java.util.List;

/**
 * Streams a transient's accepted points into each bit window's finite Fourier transform of U_A and I_A at the
 * likelihood-ratio detector's bins, and hands each window's statistic Λ to a consumer when the window ends.
 * Steps that straddle a window boundary are split there by linear interpolation (as in {@link WindowMoments}).
 * Memory: the bins, independent of the bit's length.
 */
public final class WhittleStream implements StreamListener {
    /** Receives each window's likelihood-ratio statistic. */
    @FunctionalInterface
    public interface StatisticConsumer {
        void windowDone(int window, double statistic);
    }

    private final BitWindows windows;
    private final LikelihoodRatioDetector detector;
    private final StatisticConsumer consumer;
    private final BinTransform transform;
    private int cTime = -1, cU, cI;
    private boolean havePrevious;
    private double tPrev, uPrev, iPrev;
    private int window;

    public WhittleStream(BitWindows windows, LikelihoodRatioDetector detector, double step,
            StatisticConsumer consumer) {
        this.windows = windows;
        this.detector = detector;
        this.consumer = consumer;
        this.transform = new BinTransform(detector.binFrequencies(), step);
    }

    @Override
    public void plotStarted(String plotName, String plotType, List<String> names) {
        cTime = indexOf(names, "time");
        cU = indexOf(names, Probes.VECTORS[Probe.U_A.ordinal()]);
        cI = indexOf(names, Probes.VECTORS[Probe.I_A.ordinal()]);
        havePrevious = false;
        window = 0;
        transform.reset();
    }

    private static int indexOf(List<String> names, String wanted) {
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equalsIgnoreCase(wanted)) {
                return i;
            }
        }
        throw new IllegalStateException("the transient plot has no vector " + wanted + " (has " + names + ")");
    }

    @Override
    public void point(int index, double[] real, double[] imag) {
        if (cTime < 0) {
            return;
        }
        double t = real[cTime], u = real[cU], i = real[cI];
        if (havePrevious && t > tPrev) {
            integrate(t, u, i);
        }
        tPrev = t;
        uPrev = u;
        iPrev = i;
        havePrevious = true;
    }

    private void integrate(double t1, double u1, double i1) {
        double t0 = tPrev;
        while (window < windows.count()) {
            double start = windows.measurementStart(window);
            double end = windows.measurementEnd(window);
            double a = Math.max(t0, start);
            double b = Math.min(t1, end);
            if (b > a) {
                double span = t1 - t0;
                double fa = (a - t0) / span, fb = (b - t0) / span;
                transform.segment(b - a, uPrev + fa * (u1 - uPrev), iPrev + fa * (i1 - iPrev),
                        uPrev + fb * (u1 - uPrev), iPrev + fb * (i1 - iPrev));
            }
            if (t1 >= end * (1 - 1e-12)) {
                consumer.windowDone(window, detector.statistic(transform.voltageRe(), transform.voltageIm(),
                        transform.currentRe(), transform.currentIm()));
                transform.reset();
                window++;
                continue;
            }
            return;
        }
    }

    public int windowsDone() {
        return window;
    }

    /** Both listeners receive every call, {@code first} before {@code second}. */
    public static StreamListener tee(StreamListener first, StreamListener second) {
        return new StreamListener() {
            @Override
            public void plotStarted(String plotName, String plotType, List<String> vectorNames) {
                first.plotStarted(plotName, plotType, vectorNames);
                second.plotStarted(plotName, plotType, vectorNames);
            }

            @Override
            public void point(int index, double[] real, double[] imag) {
                first.point(index, real, imag);
                second.point(index, real, imag);
            }
        };
    }
}
