package org.kljn.analysis;

import org.kljn.analysis.closedform.PaperFormulas;
import org.kljn.circuit.KljnLoop;
import org.kljn.circuit.SpiceNumbers;

import java.util.Locale;
import java.util.OptionalDouble;
import java.util.function.Supplier;

/**
 * The temperature offset β a user asks for: a number in (0, 1000], {@code eq11} (the paper's eq. 11 for the
 * cable's R_c) or {@code null} (the β that nulls the Second-Law signal of the loop).
 */
public final class BetaChoice {
    /** Largest β accepted: the L side a thousand times hotter than the H side is far outside any defence. */
    public static final double MAX = 1e3;

    private BetaChoice() {
    }

    /** The paper's eq. 11 β for {@code loop}, or empty for a cable that does not state R_c (a subcircuit). */
    public static OptionalDouble eq11(KljnLoop loop) {
        double rc = loop.line().resistance();
        return Double.isNaN(rc) ? OptionalDouble.empty()
                : OptionalDouble.of(PaperFormulas.eq11Beta(loop.resistors().low(), loop.resistors().high(), rc));
    }

    /**
     * Resolves {@code text} for {@code loop}; {@code curve} is asked for only when the rule needs it.
     *
     * @throws IllegalArgumentException naming --beta, the value and what is allowed
     */
    public static double resolve(String text, KljnLoop loop, Supplier<BetaCurve> curve) {
        return resolve(text, loop, curve, null);
    }

    /**
     * As {@link #resolve(String, KljnLoop, Supplier)}, also accepting {@code optimal}: the β that minimises the
     * Jeffreys rate of the best eavesdropper ({@link OptimalEavesdropper#betaMinimizing}), asked of
     * {@code optimal} only when chosen.
     */
    public static double resolve(String text, KljnLoop loop, Supplier<BetaCurve> curve,
            java.util.function.DoubleSupplier optimal) {
        switch (text.toLowerCase(Locale.ROOT)) {
            case "optimal":
                if (optimal == null) {
                    throw new IllegalArgumentException("--beta optimal is not available here; give a number, eq11 or null");
                }
                return optimal.getAsDouble();
            case "eq11":
                return eq11(loop).orElseThrow(() -> new IllegalArgumentException("--beta eq11 needs the cable's"
                        + " resistance R_c, which a user subcircuit does not state; give --beta a number or null"));
            case "null":
                OptionalDouble n = curve.get().betaNull(Attack.SECOND_LAW);
                if (n.isEmpty()) {
                    throw new IllegalArgumentException("--beta null: no β > 0 nulls the secondLaw signal of this loop");
                }
                return n.getAsDouble();
            default:
                double b = SpiceNumbers.parse("--beta", text);
                if (!(b > 0) || b > MAX) {
                    throw new IllegalArgumentException("--beta " + text + " is out of range: allowed 0 < beta <= 1000,"
                            + " eq11, null" + (optimal == null ? "" : " or optimal"));
                }
                return b;
        }
    }
}
