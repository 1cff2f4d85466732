package org.kljn.circuit;

/** Argument checks whose {@link ParameterException}s name the quantity, the value and what is allowed. */
public final class Checks {
    private Checks() {
    }

    public static double positive(Parameter p, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new ParameterException(p, p.description() + " must be a positive finite number, got "
                    + SpiceNumbers.format(value));
        }
        return value;
    }

    public static double nonNegative(Parameter p, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new ParameterException(p, p.description() + " must be a finite number >= 0, got "
                    + SpiceNumbers.format(value));
        }
        return value;
    }

    public static int atLeast(Parameter p, int value, int min) {
        if (value < min) {
            throw new ParameterException(p, p.description() + " must be at least " + min + ", got " + value);
        }
        return value;
    }
}
