package org.kljn.analysis.montecarlo;

import org.kljn.analysis.exact.Attack;
import org.kljn.analysis.exact.Probe;
import org.kljn.analysis.exact.ProbeQuadraticForm;

import java.util.List;

/**
 * Streams the accepted points of a transient into per-bit-window time averages of Eve's products,
 * without keeping the waveforms: each step between accepted points is integrated exactly for probes that
 * vary linearly across it, so uneven steps are weighted by their length. Memory is constant in the run's
 * length.
 *
 * <p>The run must put accepted points on every window boundary (step control does), so that each step lies
 * wholly inside or outside a measurement interval; a step that straddles a boundary is split at it by linear
 * interpolation, which is what the trapezoidal rule assumes anyway ({@code WindowStream}).
 */
public final class WindowMoments extends WindowStream {
    /** Products accumulated per window, in this order. */
    public static final int UA2 = 0, UB2 = 1, IA2 = 2, IB2 = 3, UAIA = 4, UBIB = 5, PRODUCTS = 6;

    /** Receives each window's time averages as soon as the window ends. */
    @FunctionalInterface
    public interface WindowConsumer {
        void windowDone(int window, double[] averages);
    }

    private final WindowConsumer consumer;
    private final double[] sums = new double[PRODUCTS];

    public WindowMoments(BitWindows windows, WindowConsumer consumer) {
        super(windows, Probe.U_A, Probe.U_B, Probe.I_A, Probe.I_B);
        this.consumer = consumer;
    }

    @Override
    void restart() {
        java.util.Arrays.fill(sums, 0);
    }

    /**
     * The exact integral over [a, b] of the six products of the probes, each linear on the step (which is how
     * the trapezoidal rule's solution varies between accepted points): ∫ x y = (b−a)/6 (2 x_a y_a + x_a y_b +
     * x_b y_a + 2 x_b y_b). The trapezoid of the products, (b−a)/2 (x_a y_a + x_b y_b), would overstate a mean
     * square by E[(Δx)²]/6 per step: 3 % for noise sampled at 8 points per band-edge period.
     */
    @Override
    void segment(int window, double a, double b, double[] ya, double[] yb) {
        double w = (b - a) / 6;
        sums[UA2] += w * product(ya, yb, 0, 0);
        sums[UB2] += w * product(ya, yb, 1, 1);
        sums[IA2] += w * product(ya, yb, 2, 2);
        sums[IB2] += w * product(ya, yb, 3, 3);
        sums[UAIA] += w * product(ya, yb, 0, 2);
        sums[UBIB] += w * product(ya, yb, 1, 3);
    }

    /** (2 x_a y_a + x_a y_b + x_b y_a + 2 x_b y_b) for probes i and j. */
    private static double product(double[] ya, double[] yb, int i, int j) {
        return 2 * ya[i] * ya[j] + ya[i] * yb[j] + yb[i] * ya[j] + 2 * yb[i] * yb[j];
    }

    @Override
    void windowDone(int window) {
        double[] averages = new double[PRODUCTS];
        for (int i = 0; i < PRODUCTS; i++) {
            averages[i] = sums[i] / windows().measurement();
        }
        java.util.Arrays.fill(sums, 0);
        consumer.windowDone(window, averages);
    }

    /** Eve's statistic for an attack from a window's averages ({@link ProbeQuadraticForm#terms(Attack)}). */
    public static double statistic(Attack attack, double[] averages) {
        List<ProbeQuadraticForm.Term> terms = ProbeQuadraticForm.terms(attack);
        double sum = 0;
        for (int i = 0; i < terms.size(); i++) {
            ProbeQuadraticForm.Term t = terms.get(i);
            double term = t.coefficient() * averages[product(t.x(), t.y())];
            sum = i == 0 ? term : sum + term;
        }
        return sum;
    }

    /**
     * Where the window averages hold <x y>. The transient accumulates the products the attacks' terms use; a
     * statistic with another product needs it added to {@link #segment} first.
     */
    static int product(Probe x, Probe y) {
        if (x.compareTo(y) > 0) {
            return product(y, x);
        }
        if (x == y) {
            return switch (x) {
                case U_A -> UA2;
                case U_B -> UB2;
                case I_A -> IA2;
                case I_B -> IB2;
            };
        }
        if (x == Probe.U_A && y == Probe.I_A) {
            return UAIA;
        }
        if (x == Probe.U_B && y == Probe.I_B) {
            return UBIB;
        }
        throw new IllegalArgumentException("the transient does not accumulate <" + x + " " + y + ">");
    }
}
