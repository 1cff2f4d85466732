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

    /** {@code min <= value <= max}, else an error stating the bound and why it is there. */
    public static int between(Parameter p, int value, int min, int max, String why) {
        if (value < min || value > max) {
            throw new ParameterException(p, p.description() + " " + value + ": allowed " + min + " to " + max + " ("
                    + why + ")");
        }
        return value;
    }

    /** {@code min <= value <= max} (in {@code unit}), else an error stating the range and why it is there. */
    public static double within(Parameter p, double value, double min, double max, String unit, String why) {
        if (!(value >= min && value <= max)) {
            throw new ParameterException(p, p.description() + " " + SpiceNumbers.format(value) + " " + unit
                    + ": allowed " + SpiceNumbers.format(min) + " to " + SpiceNumbers.format(max) + " " + unit + " ("
                    + why + ")");
        }
        return value;
    }
}
