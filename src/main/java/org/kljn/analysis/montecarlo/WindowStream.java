package org.kljn.analysis.montecarlo;

import org.kljn.analysis.exact.Probe;
import org.kljn.circuit.Probes;
import org.kljn.ngspice.StreamListener;

import java.util.List;

/**
 * A transient's accepted points cut into the bit windows' measurement intervals, for a per-bit accumulator. Between
 * accepted points every probe is linear (the trapezoidal rule's interpolant); a step that straddles a window boundary
 * is split there by linear interpolation, and each piece inside a measurement interval is handed to
 * {@link #segment} with the probes' values at its ends. A window is done ({@link #windowDone}) once a step reaches
 * its end. The run should put accepted points on every window boundary (step control does), so that the split is
 * only a safeguard. Memory: the probes' values at the last point, whatever the run's length.
 */
abstract class WindowStream implements StreamListener {
    private final BitWindows windows;
    private final Probe[] probes;
    private final int[] columns;
    private int cTime = -1;
    private boolean havePrevious;
    private double tPrev;
    private final double[] prev;
    private final double[] cur;
    private final double[] ya;
    private final double[] yb;
    private int window;
    private long points;

    /** Streams {@code probes}' values (in this order in {@link #segment}'s arrays) into the windows. */
    WindowStream(BitWindows windows, Probe... probes) {
        this.windows = windows;
        this.probes = probes.clone();
        this.columns = new int[probes.length];
        this.prev = new double[probes.length];
        this.cur = new double[probes.length];
        this.ya = new double[probes.length];
        this.yb = new double[probes.length];
    }

    /**
     * The part [a, b] of a step inside window {@code window}'s measurement interval, with the probes' values at a and
     * at b (arrays reused for the next piece: copy what you keep).
     */
    abstract void segment(int window, double a, double b, double[] ya, double[] yb);

    /** Window {@code window}'s measurement interval has ended: hand its statistic on and start the next window afresh. */
    abstract void windowDone(int window);

    /** A new plot starts at window 0: clear what the windows accumulate. */
    abstract void restart();

    final BitWindows windows() {
        return windows;
    }

    @Override
    public final void plotStarted(String plotName, String plotType, List<String> names) {
        cTime = indexOf(names, "time");
        for (int k = 0; k < probes.length; k++) {
            columns[k] = indexOf(names, Probes.VECTORS[probes[k].ordinal()]);
        }
        havePrevious = false;
        window = 0;
        restart();
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
    public final void point(int index, double[] real, double[] imag) {
        if (cTime < 0) {
            return;
        }
        points++;
        double t = real[cTime];
        for (int k = 0; k < columns.length; k++) {
            cur[k] = real[columns[k]];
        }
        if (havePrevious && t > tPrev) {
            integrate(tPrev, t);
        }
        tPrev = t;
        System.arraycopy(cur, 0, prev, 0, cur.length);
        havePrevious = true;
    }

    /** Hands the step [t0, t1] (from {@code prev} to {@code cur}) to the windows it overlaps, split at their boundaries. */
    private void integrate(double t0, double t1) {
        while (window < windows.count()) {
            double start = windows.measurementStart(window);
            double end = windows.measurementEnd(window);
            double a = Math.max(t0, start);
            double b = Math.min(t1, end);
            if (b > a) {
                double span = t1 - t0;
                double fa = (a - t0) / span;
                double fb = (b - t0) / span;
                for (int k = 0; k < cur.length; k++) {
                    ya[k] = prev[k] + fa * (cur[k] - prev[k]);
                    yb[k] = prev[k] + fb * (cur[k] - prev[k]);
                }
                segment(window, a, b, ya, yb);
            }
            if (t1 >= end * (1 - 1e-12)) {
                windowDone(window);
                window++;
                continue;
            }
            return;
        }
    }

    /** Windows completed so far. */
    public final int windowsDone() {
        return window;
    }

    /** Accepted points received so far. */
    public final long points() {
        return points;
    }

    /** Both listeners receive every call, {@code first} before {@code second}. */
    static StreamListener tee(StreamListener first, StreamListener second) {
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
