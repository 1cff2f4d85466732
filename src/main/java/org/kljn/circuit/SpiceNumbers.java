package org.kljn.circuit;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** SPICE numbers: parsing values with scale suffixes ("10k", "100n", "1meg") and locale-free formatting. */
public final class SpiceNumbers {
    private static final Pattern VALUE = Pattern.compile(
            "^([+-]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?)(meg|mil|[fpnuµmkgt])?(ohms?|Ω|hz|[fhsva])?$",
            Pattern.CASE_INSENSITIVE);

    private SpiceNumbers() {
    }

    /**
     * Parses a value with an optional SPICE scale suffix (f p n u m k meg g t, case-insensitive, "mil" =
     * 25.4e-6) and an optional unit word (ohm, Hz, F, H, s, V, A) that is ignored; "10kk" is refused (k is a scale, not a unit).
     *
     * @param option names the option in the error message
     * @throws IllegalArgumentException naming the option, the value and what is allowed
     */
    public static double parse(String option, String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(option + ": missing value");
        }
        String t = text.strip();
        Matcher m = VALUE.matcher(t);
        if (!m.matches()) {
            throw new IllegalArgumentException(option + ": cannot read '" + text + "' as a number; use a decimal"
                    + " number with an optional SPICE suffix f p n u m k meg g t (e.g. 10k, 100n, 1.5meg)");
        }
        double base = Double.parseDouble(m.group(1));
        String scale = m.group(2) == null ? "" : m.group(2).toLowerCase(Locale.ROOT);
        double factor = switch (scale) {
            case "" -> 1;
            case "f" -> 1e-15;
            case "p" -> 1e-12;
            case "n" -> 1e-9;
            case "u", "µ" -> 1e-6;
            case "m" -> 1e-3;
            case "mil" -> 25.4e-6;
            case "k" -> 1e3;
            case "meg" -> 1e6;
            case "g" -> 1e9;
            case "t" -> 1e12;
            default -> throw new IllegalArgumentException(option + ": unknown suffix '" + scale + "' in '" + text + "'");
        };
        double value = base * factor;
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(option + ": '" + text + "' is not a finite number");
        }
        return value;
    }

    /**
     * Parses a cable length in metres. SPICE suffixes below one ({@code m} is milli, also {@code mil u n p f}) are
     * refused: "500m" would read as 0.5 m, where the writer almost surely meant 500 metres; {@code k} stays (2k = 2 km).
     *
     * @param option names the option or key in the error message
     * @throws IllegalArgumentException naming the option, the value and the fix
     */
    public static double parseLength(String option, String text) {
        double v = parse(option, text);
        Matcher m = VALUE.matcher(text.strip());
        String scale = m.matches() && m.group(2) != null ? m.group(2).toLowerCase(Locale.ROOT) : "";
        if (List.of("m", "mil", "u", "µ", "n", "p", "f").contains(scale)) {
            throw new ParameterException(Parameter.CABLE_LENGTH, "'" + text + "': lengths are in metres: write "
                    + m.group(1) + " for " + m.group(1) + " metres (SPICE reads the suffix '" + m.group(2)
                    + "' as a factor of " + format(v / Double.parseDouble(m.group(1))) + ", giving " + format(v)
                    + " m); use k for kilometres (2k = 2000 m)");
        }
        return v;
    }

    /**
     * Parses a resistance or a capacitance, refusing the suffix {@code m}/{@code M}: SPICE reads both as milli, so
     * "1M" (meant as a megohm, as electronics writes it) would silently be 1 mΩ. Mega is {@code meg}; a milli value
     * is written as a number ({@code 0.001}, {@code 1e-3}).
     *
     * @param option names the option or key in the error message
     * @throws IllegalArgumentException naming the option, the value and the two readings
     */
    public static double parseNoMilli(String option, String text) {
        double v = parse(option, text);
        Matcher m = VALUE.matcher(text.strip());
        if (m.matches() && "m".equalsIgnoreCase(m.group(2))) {
            String n = m.group(1);
            throw new IllegalArgumentException(option + ": '" + text + "' is ambiguous: SPICE reads the suffix '"
                    + m.group(2) + "' as milli (" + format(v) + "), not mega; write " + n + "meg for "
                    + format(Double.parseDouble(n) * 1e6) + ", or " + format(v) + " for milli");
        }
        return v;
    }

    /** A value as SPICE reads it back exactly, independent of the default locale. */
    public static String format(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value).replace("E", "e");
    }

    /**
     * A length for people, in metres with the unit spelled apart: "500 m", "1.685 m", "2000 m". Never an
     * engineering suffix: "500m" reads as 0.5 m to anyone who knows SPICE.
     */
    public static String metres(double metres) {
        String s = String.format(java.util.Locale.ROOT, "%.4g", metres);
        int e = s.indexOf('e');
        String mantissa = e < 0 ? s : s.substring(0, e);
        if (mantissa.contains(".")) {
            // trailing zeros of the fraction only: 2000 stays 2000
            mantissa = mantissa.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return mantissa + (e < 0 ? "" : s.substring(e)) + " m";
    }

    /** A value with an engineering suffix for people: 10k, 100n, 1.5meg. */
    public static String engineering(double value) {
        if (value == 0 || !Double.isFinite(value)) {
            return Double.toString(value);
        }
        String[] suffixes = {"f", "p", "n", "u", "m", "", "k", "meg", "g", "t"};
        int exp = (int) Math.floor(Math.log10(Math.abs(value)) / 3);
        exp = Math.max(-5, Math.min(4, exp));
        double scaled = value / Math.pow(10, 3 * exp);
        String digits = String.format(Locale.ROOT, "%.4g", scaled);
        if (digits.contains(".") && !digits.contains("e")) {
            digits = digits.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return digits + suffixes[exp + 5];
    }
}
