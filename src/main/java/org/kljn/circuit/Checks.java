package org.kljn.circuit;

/** Argument checks whose messages name the parameter, the value and what is allowed. */
public final class Checks {
    private Checks() {
    }

    public static double positive(String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be a positive finite number, got " + value);
        }
        return value;
    }

    public static double nonNegative(String name, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number >= 0, got " + value);
        }
        return value;
    }

    public static int atLeast(String name, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(name + " must be at least " + min + ", got " + value);
        }
        return value;
    }

    /** {@code min <= value <= max}, else an error stating the bound and why it is there. */
    public static int between(String name, int value, int min, int max, String why) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " " + value + ": allowed " + min + " to " + max + " (" + why + ")");
        }
        return value;
    }
}
