package org.kljn.io;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.util.Map;

/**
 * Terminal text for a terminal that cannot show it: under the C locale (ASCII) Java prints every {@code ²}, {@code µ}
 * and {@code ×} of {@link Units} as {@code ?}, so {@code V²/Hz} would read {@code V?/Hz}. Where the output's character
 * set cannot encode a character, it is written the way an ASCII page writes it ({@code V^2/Hz}, {@code 1.7x10^-16},
 * {@code 500 us}); a character with no ASCII spelling stays the character set's {@code ?}. A UTF-8 terminal is untouched.
 */
public final class AsciiText {
    private static final String SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹⁻";
    private static final String PLAIN = "0123456789-";
    private static final Map<Character, String> SPELLING = Map.ofEntries(
            Map.entry('×', "x"), Map.entry('−', "-"), Map.entry('µ', "u"), Map.entry('μ', "u"), Map.entry('Ω', "ohm"),
            Map.entry('∞', "inf"), Map.entry('≤', "<="), Map.entry('≥', ">="), Map.entry('±', "+/-"),
            Map.entry('≈', "~"), Map.entry('β', "beta"), Map.entry('τ', "tau"), Map.entry('σ', "sigma"),
            Map.entry('ε', "epsilon"), Map.entry('Δ', "Delta"), Map.entry('π', "pi"), Map.entry('…', "..."),
            Map.entry('—', "--"), Map.entry('–', "-"), Map.entry('·', "*"), Map.entry('√', "sqrt"),
            Map.entry('’', "'"), Map.entry('‘', "'"), Map.entry('“', "\""), Map.entry('”', "\""), Map.entry('→', "->"),
            Map.entry('█', "#"), Map.entry('░', "."), Map.entry('°', " deg"));

    private AsciiText() {
    }

    /** {@code text} with every character {@code charset} cannot encode spelled in ASCII (a run of superscripts as {@code ^-16}). */
    public static String spell(String text, Charset charset) {
        var encoder = charset.newEncoder();
        StringBuilder out = new StringBuilder(text.length());
        boolean inPower = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (encoder.canEncode(c)) {
                out.append(c);
                inPower = false;
                continue;
            }
            int s = SUPERSCRIPTS.indexOf(c);
            if (s >= 0) {
                out.append(inPower ? "" : "^").append(PLAIN.charAt(s));
                inPower = true;
                continue;
            }
            inPower = false;
            out.append(SPELLING.getOrDefault(c, String.valueOf(c)));
        }
        return out.toString();
    }

    /** The character set of this JVM's standard output (the console's where one is attached, else the locale's). */
    public static Charset stdoutCharset() {
        String name = System.getProperty("stdout.encoding", System.getProperty("sun.stdout.encoding"));
        try {
            return name == null ? Charset.defaultCharset() : Charset.forName(name);
        } catch (RuntimeException e) {
            return Charset.defaultCharset();
        }
    }

    /**
     * {@code out} unchanged where {@code charset} encodes the text {@link Units} writes, else a writer that
     * {@linkplain #spell spells} what it cannot.
     */
    public static Writer forCharset(Writer out, Charset charset) {
        if (charset.newEncoder().canEncode("V²/Hz 1.7×10⁻¹⁶ µs −")) {
            return out;
        }
        return new FilterWriter(out) {
            @Override
            public void write(int c) throws IOException {
                out.write(spell(String.valueOf((char) c), charset));
            }

            @Override
            public void write(char[] cbuf, int off, int len) throws IOException {
                out.write(spell(new String(cbuf, off, len), charset));
            }

            @Override
            public void write(String str, int off, int len) throws IOException {
                out.write(spell(str.substring(off, off + len), charset));
            }
        };
    }
}
