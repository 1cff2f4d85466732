package org.kljn.analysis.study;

import org.kljn.analysis.eavesdropper.OptimalEavesdropper;
import org.kljn.analysis.exact.ExactAnalysis;
import org.kljn.circuit.LossyLine;
import org.kljn.circuit.ResistorPair;
import org.kljn.ngspice.SpiceSimulator;

/**
 * Whether a cable of a given length and band is secure against the best second-order eavesdropper with the best
 * defence (the four-temperature set minimising J), and if not, the length (at this band) and the band (at this
 * length) up to which it would be: Eve's optimal success for the bit at most 0.5 + ε.
 *
 * @param length          metres
 * @param bandwidth       Hz
 * @param bitSamples      the bit, in Nyquist samples (τ = M/2Δf at every band)
 * @param epsilon         secure means success ≤ 0.5 + ε
 * @param defence         the best temperature set and J there
 * @param successBest     Eve's optimal success with it
 * @param zeroReachable   whether some temperature set makes J = 0 on this line
 * @param secureLength    the longest secure length at this band, m (bisection in log length down to 1 m; 0 if even
 *                        1 m is insecure)
 * @param secureBandwidth the widest secure band at this length, Hz (down to 1 Hz; 0 if even 1 Hz is insecure)
 */
public record LineSecurity(double length, double bandwidth, int bitSamples, double epsilon,
        OptimalEavesdropper.Defence defence, double successBest, boolean zeroReachable, double secureLength,
        double secureBandwidth) {

    public boolean secure() {
        return successBest <= 0.5 + epsilon;
    }

    /**
     * Evaluates a cable given per kilometre (R Ω/km, C F/km, L H/km of loop) as an LTRA line.
     */
    public static LineSecurity of(SpiceSimulator spice, SecurityMap.PerKm cable, ResistorPair resistors, double tEff,
            double length, double bandwidth, int bitSamples, double epsilon) {
        Point here = point(spice, cable, resistors, tEff, length, bandwidth, bitSamples);
        double limit = 0.5 + epsilon;
        double secureLength = here.success <= limit ? length
                : boundary(x -> point(spice, cable, resistors, tEff, x, bandwidth, bitSamples).success <= limit, 1,
                        length);
        double secureBand = here.success <= limit ? bandwidth
                : boundary(x -> point(spice, cable, resistors, tEff, length, x, bitSamples).success <= limit, 1,
                        bandwidth);
        return new LineSecurity(length, bandwidth, bitSamples, epsilon, here.defence, here.success, here.zero,
                secureLength, secureBand);
    }

    private record Point(OptimalEavesdropper.Defence defence, double success, boolean zero) {
    }

    private static Point point(SpiceSimulator spice, SecurityMap.PerKm cable, ResistorPair resistors, double tEff,
            double length, double bandwidth, int bitSamples) {
        double km = length / 1000;
        LossyLine line = new LossyLine(cable.resistance() * km, cable.inductance() * km, 0, cable.capacitance() * km);
        OptimalEavesdropper eve = OptimalEavesdropper.analyse(spice, resistors, line, bandwidth,
                ExactAnalysis.DEFAULT_POINTS);
        OptimalEavesdropper.Defence best = eve.bestTemperatures(eve.betaMinimizing());
        double success = eve.detector(spice, bitSamples, best.temperatures().scaledTo(tEff)).successProbability();
        OptimalEavesdropper.TemperatureNullSpace ns = eve.temperatureNullSpace();
        return new Point(best, success, ns.smallestRelative() < 1e-10 && ns.asTemperatures() != null);
    }

    /** The largest x in [lo, hi] with secure(x), by bisection in log x (secure(hi) is false); 0 if not secure(lo). */
    private static double boundary(java.util.function.DoublePredicate secure, double lo, double hi) {
        if (!secure.test(lo)) {
            return 0;
        }
        double a = Math.log(lo), b = Math.log(hi);
        for (int i = 0; i < 14 && b - a > 0.01; i++) {
            double m = 0.5 * (a + b);
            if (secure.test(Math.exp(m))) {
                a = m;
            } else {
                b = m;
            }
        }
        return Math.exp(a);
    }
}
