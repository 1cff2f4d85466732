package org.kljn.analysis.exact;

import org.kljn.circuit.KljnLoop;
import org.kljn.circuit.LineModel;
import org.kljn.circuit.Parameter;
import org.kljn.circuit.ParameterException;
import org.kljn.circuit.SpiceNumbers;

import java.util.Locale;
import java.util.OptionalDouble;

/**
 * How the temperature ratio β of the R_L side is chosen (paper, Sec. 2.3: the L side at β T_eff): a number, or a
 * rule resolved per loop by {@link org.kljn.analysis.loop.LoopAnalysis}:
 * <ul>
 *   <li>{@code eq11}: the paper's eq. 11 for the cable's R_c, β = (1 + R_c/R_L)/(1 + R_c/R_H);</li>
 *   <li>{@code null}: the β that nulls the Second-Law signal of the loop (exact, since every moment is linear
 *       in β);</li>
 *   <li>{@code minimax}: the β that minimises Eve's best attack, max over attacks of |μ|/√V
 *       ({@link EveStatistics#betaMinimax()});</li>
 *   <li>{@code optimal}: the β that minimises the Jeffreys rate of the best second-order eavesdropper
 *       ({@link org.kljn.analysis.eavesdropper.OptimalEavesdropper#betaMinimizing}).</li>
 * </ul>
 *
 * @param kind  which rule
 * @param value the number for {@link Kind#NUMBER}, NaN for a rule
 */
public record BetaRule(Kind kind, double value) {
    /** Largest β accepted: the L side a thousand times hotter than the H side is far outside any defence. */
    public static final double MAX = 1e3;
    /**
     * Smallest β the searches for a defence try (minimax, minimising J): the bracket [{@code SEARCH_LOW}, {@link #MAX}]
     * of every β search, in one place. With R_H/R_L at most 1000 (the ratio every command accepts) the nulls lie
     * inside it.
     */
    public static final double SEARCH_LOW = 1e-3;

    /** The rules by name. */
    public enum Kind {
        NUMBER(""), EQ11("eq11"), NULL("null"), MINIMAX("minimax"), OPTIMAL("optimal");

        private final String word;

        Kind(String word) {
            this.word = word;
        }

        /** The word on the command line and in sweep specs (empty for a number). */
        public String word() {
            return word;
        }
    }

    /** What {@link #parse} accepts, for messages. */
    public static final String ALLOWED = "a number 0 < β <= 1000, or one of eq11, null, minimax, optimal";

    public BetaRule {
        if (kind == Kind.NUMBER ? !(value > 0 && value <= MAX) : !Double.isNaN(value)) {
            throw new ParameterException(Parameter.BETA, kind == Kind.NUMBER
                    ? "β = " + SpiceNumbers.format(value) + " is out of range: allowed " + ALLOWED
                    : "a rule has no value");
        }
    }

    /** A fixed β. */
    public static BetaRule number(double value) {
        return new BetaRule(Kind.NUMBER, value);
    }

    public static BetaRule eq11() {
        return new BetaRule(Kind.EQ11, Double.NaN);
    }

    public static BetaRule nulling() {
        return new BetaRule(Kind.NULL, Double.NaN);
    }

    public static BetaRule minimax() {
        return new BetaRule(Kind.MINIMAX, Double.NaN);
    }

    public static BetaRule optimal() {
        return new BetaRule(Kind.OPTIMAL, Double.NaN);
    }

    /**
     * Reads {@code 1.05}, {@code 1.2k}-style SPICE numbers, or a rule word (case-insensitive).
     *
     * @throws ParameterException naming {@link Parameter#BETA}, the text and {@link #ALLOWED}
     */
    public static BetaRule parse(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        for (Kind k : Kind.values()) {
            if (k != Kind.NUMBER && k.word.equals(t)) {
                return new BetaRule(k, Double.NaN);
            }
        }
        double v;
        try {
            v = SpiceNumbers.parse("β", t);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(Parameter.BETA, "cannot read '" + text + "': allowed " + ALLOWED, e);
        }
        if (!(v > 0) || v > MAX) {
            throw new ParameterException(Parameter.BETA, "'" + text + "' is out of range: allowed " + ALLOWED);
        }
        return number(v);
    }

    public boolean isNumber() {
        return kind == Kind.NUMBER;
    }

    /**
     * Refuses a rule the line cannot support, before any simulation: eq. 11 needs R_c, which a user subcircuit
     * does not state.
     */
    public void checkApplicable(LineModel line) {
        if (kind == Kind.EQ11 && Double.isNaN(line.resistance())) {
            throw new ParameterException(Parameter.BETA, "eq11 needs the cable's resistance R_c, which a user"
                    + " subcircuit does not state; give a number, null or minimax");
        }
    }

    /** The paper's eq. 11 β for {@code loop}, or empty for a cable that does not state R_c (a subcircuit). */
    public static OptionalDouble eq11(KljnLoop loop) {
        double rc = loop.line().resistance();
        return Double.isNaN(rc) ? OptionalDouble.empty()
                : OptionalDouble.of(PaperFormulas.eq11Beta(loop.resistors().low(), loop.resistors().high(), rc));
    }

    /** The text {@link #parse} reads back, and the sweep CSV cell: {@code 1.05}, {@code eq11}, {@code null}, {@code minimax}. */
    @Override
    public String toString() {
        return kind == Kind.NUMBER ? SpiceNumbers.format(value) : kind.word;
    }
}
