package org.kljn.io;

import java.util.Locale;

/**
 * Numbers and units for people (pages, legends, terminal lines): SI prefixes with the unit spelled apart
 * ({@code 500 µs}, {@code 52 nF}), powers of ten with superscripts ({@code 1.748×10⁻¹⁶}), units with superscripts
 * ({@code V²}, not {@code V2}) and counts that agree with their noun ({@code 1 solver step}, {@code 2 solver steps}).
 * Machine files (CSV, JSON, netlists) keep their own exact formats; this is only what a reader sees.
 */
public final class Units {
    private static final String[] PREFIXES = {"a", "f", "p", "n", "µ", "m", "", "k", "M", "G", "T"};
    private static final int UNPREFIXED = 6;
    private static final String SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹";
    /** A unit with a power already written as a superscript (V², A²/Hz). */
    private static final java.util.regex.Pattern POWER_SHOWN = java.util.regex.Pattern.compile("[⁰¹²³⁴⁵⁶⁷⁸⁹]");
    /** A power after a unit letter: the 2 of V2, the ^2 of A^2, the ^-1 of m^-1. */
    private static final java.util.regex.Pattern POWER = java.util.regex.Pattern.compile("(?<=[\\p{L}Ω])\\^?(-?\\d+)");

    private Units() {
    }

    /**
     * {@code value} in {@code unit} with an SI prefix and four significant digits, trailing zeros dropped, a negative
     * value with a true minus: {@code si(5e-4, "s")} is {@code 500 µs}, {@code si(5.2e-8, "F")} is {@code 52 nF},
     * {@code si(-7.988e-13, "W")} is {@code −798.8 fW}. Zero, non-finite values and
     * values beyond the prefixes and pure numbers (no unit) fall back to {@link #scientific}.
     */
    public static String si(double value, String unit) {
        String u = superscripts(unit);
        // a prefix on a squared unit squares too (1 µV² is 10⁻¹² V², not 10⁻⁶ V²): readers misread it, so a unit
        // with a power takes a power of ten instead
        if (value == 0 || !Double.isFinite(value) || u.isEmpty() || POWER_SHOWN.matcher(u).find()) {
            return scientific(value) + (u.isEmpty() ? "" : " " + u);
        }
        int exp = (int) Math.floor(Math.log10(Math.abs(value)) / 3);
        // 999.96 rounds to 1000 at four digits: take the next prefix
        if (Math.abs(Double.parseDouble(String.format(Locale.ROOT, "%.4g", value / Math.pow(10, 3 * exp)))) >= 1000) {
            exp++;
        }
        if (exp + UNPREFIXED < 0 || exp + UNPREFIXED >= PREFIXES.length) {
            return scientific(value) + (u.isEmpty() ? "" : " " + u);
        }
        // a true minus, as scientific writes it on the same page ("−798.8 fW", not "-798.8 fW")
        String digits = trim(String.format(Locale.ROOT, "%.4g", Math.abs(value) / Math.pow(10, 3 * exp)));
        String prefix = PREFIXES[exp + UNPREFIXED];
        return (value < 0 ? "−" : "") + digits + " " + prefix + u;
    }

    /**
     * Four significant digits; between 0.001 and 10⁴ as a decimal ({@code 0.9735}), else as a power of ten with a
     * superscript exponent and a true minus sign ({@code −1.748×10⁻¹⁶}).
     */
    public static String scientific(double value) {
        if (value == 0) {
            return "0";
        }
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "∞" : "−∞";
        }
        double a = Math.abs(value);
        String sign = value < 0 ? "−" : "";
        if (a >= 1e-3 && a < 1e4) {
            return sign + trim(String.format(Locale.ROOT, "%.4g", a));
        }
        String s = String.format(Locale.ROOT, "%.3e", a);
        int e = s.indexOf('e');
        String mantissa = trim(s.substring(0, e));
        int exponent = Integer.parseInt(s.substring(e + 1));
        return sign + mantissa + "×10" + superscript(exponent);
    }

    /** {@code digits} significant digits, trailing zeros dropped: 0.999950 stays 0.99995, 100.000 becomes 100. */
    public static String significant(double value, int digits) {
        String s = String.format(Locale.ROOT, "%." + digits + "g", value);
        int e = s.indexOf('e');
        return e < 0 ? trim(s) : trim(s.substring(0, e)) + s.substring(e);
    }

    /** An ASCII unit with its powers as superscripts: {@code V2} and {@code V^2} become {@code V²}, {@code A^2/Hz} {@code A²/Hz}. */
    public static String superscripts(String unit) {
        java.util.regex.Matcher m = POWER.matcher(unit);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, superscript(Integer.parseInt(m.group(1))));
        }
        return m.appendTail(out).toString();
    }

    /** {@code n} and its noun in agreement: {@code count(1, "solver step")} is {@code 1 solver step}, else {@code … steps}. */
    public static String count(long n, String singular) {
        return count(n, singular, singular + "s");
    }

    /** {@code n} and its noun, with an irregular plural. */
    public static String count(long n, String singular, String plural) {
        return n + " " + (n == 1 ? singular : plural);
    }

    private static String superscript(int exponent) {
        StringBuilder b = new StringBuilder(exponent < 0 ? "⁻" : "");
        for (char d : Integer.toString(Math.abs(exponent)).toCharArray()) {
            b.append(SUPERSCRIPT_DIGITS.charAt(d - '0'));
        }
        return b.toString();
    }

    private static String trim(String decimal) {
        return decimal.contains(".") ? decimal.replaceAll("0+$", "").replaceAll("\\.$", "") : decimal;
    }
}
