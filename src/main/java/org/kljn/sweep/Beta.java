package org.kljn.sweep;

import org.kljn.circuit.SpiceNumbers;

/**
 * The temperature ratio β of one sweep point: a number, or a rule the evaluator resolves per loop:
 * {@code eq11} (the paper's eq. 11) or {@code null} (the β that nulls the Second-Law signal), as
 * {@code kljn analyze --beta}.
 *
 * @param rule  {@link Rule#NUMBER}, {@link Rule#EQ11} or {@link Rule#NULL}
 * @param value the number for {@link Rule#NUMBER}, NaN for a rule
 */
public record Beta(Rule rule, double value) {
    /** How β is chosen. */
    public enum Rule { NUMBER, EQ11, NULL }

    public Beta {
        if (rule == Rule.NUMBER ? !(value > 0 && Double.isFinite(value)) : !Double.isNaN(value)) {
            throw new IllegalArgumentException("beta: a number must be finite and > 0, a rule has no value");
        }
    }

    public static Beta of(double value) {
        return new Beta(Rule.NUMBER, value);
    }

    public static Beta eq11() {
        return new Beta(Rule.EQ11, Double.NaN);
    }

    public static Beta nulling() {
        return new Beta(Rule.NULL, Double.NaN);
    }

    public boolean isNumber() {
        return rule == Rule.NUMBER;
    }

    /** The text {@code kljn analyze --beta} takes, and the CSV cell: {@code 1.05}, {@code eq11} or {@code null}. */
    @Override
    public String toString() {
        return switch (rule) {
            case NUMBER -> SpiceNumbers.format(value);
            case EQ11 -> "eq11";
            case NULL -> "null";
        };
    }
}
