package org.kljn.sweep;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code key: value} lines of a spec, by key, with the file they came from: where the parser reads each key's
 * values and where every error (of a value, or of a rule between keys) points to.
 */
final class SpecLines {
    /** One line: its number in the file (from 1), its key and its value text (comment and blanks stripped). */
    record Line(int number, SpecKey key, String value) {
    }

    private final String source;
    private final Map<SpecKey, Line> lines;

    private SpecLines(String source, Map<SpecKey, Line> lines) {
        this.source = source;
        this.lines = lines;
    }

    /**
     * Splits spec text into its lines: {@code #} starts a comment, blank lines are skipped, each key once.
     *
     * @throws IllegalArgumentException for a line that is no {@code key: value}, an unknown key, a key given twice,
     *                                  an empty value or an empty spec
     */
    static SpecLines of(String text, String source) {
        Map<SpecKey, Line> lines = new LinkedHashMap<>();
        String[] raw = text.split("\r?\n", -1);
        for (int i = 0; i < raw.length; i++) {
            Line line = line(source, i + 1, raw[i]);
            if (line == null) {
                continue;
            }
            Line earlier = lines.get(line.key());
            if (earlier != null) {
                throw new IllegalArgumentException(source + ":" + line.number() + ": " + line.key().text
                        + ": given twice (first on line " + earlier.number() + "); write all values in one list");
            }
            if (line.value().isEmpty()) {
                throw new IllegalArgumentException(source + ":" + line.number() + ": " + line.key().text + ": empty"
                        + " value; give a value, a list 'a, b, c' or a range 'lin|log START STOP COUNT'");
            }
            lines.put(line.key(), line);
        }
        if (lines.isEmpty()) {
            throw new IllegalArgumentException(source + ": the spec is empty; write at least the loop ('rl: 1k',"
                    + " 'rh: 10k', ...); keys: " + SpecKey.allowed());
        }
        return new SpecLines(source, lines);
    }

    /** Line {@code n}'s key and value (maybe empty), or null for a blank or comment line. */
    private static Line line(String source, int n, String text) {
        String s = text;
        int hash = s.indexOf('#');
        if (hash >= 0) {
            s = s.substring(0, hash);
        }
        s = s.strip();
        if (s.isEmpty()) {
            return null;
        }
        int colon = s.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException(source + ":" + n + ": expected 'key: value', got '" + s + "'; keys: "
                    + SpecKey.allowed());
        }
        String name = s.substring(0, colon).strip();
        SpecKey key = SpecKey.named(name);
        if (key == null) {
            throw new IllegalArgumentException(source + ":" + n + ": unknown key '" + name + "'; allowed: "
                    + SpecKey.allowed());
        }
        return new Line(n, key, s.substring(colon + 1).strip());
    }

    /** Where the spec came from (the file name), as messages show it. */
    String source() {
        return source;
    }

    boolean has(SpecKey key) {
        return lines.containsKey(key);
    }

    /** The line of {@code key}, or null when the spec leaves it out. */
    Line get(SpecKey key) {
        return lines.get(key);
    }

    /** An error on {@code line}: {@code FILE:LINE: key: problem}. */
    IllegalArgumentException error(Line line, String problem) {
        return new IllegalArgumentException(source + ":" + line.number() + ": " + line.key().text + ": " + problem);
    }

    /** An error on the line of {@code key}, which the spec gives. */
    IllegalArgumentException error(SpecKey key, String problem) {
        return error(lines.get(key), problem);
    }
}
