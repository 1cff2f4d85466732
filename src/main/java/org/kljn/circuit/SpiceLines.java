package org.kljn.circuit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How ngspice 39.3 reads a netlist's lines, in one place for every check of a user's line model
 * ({@link LineModelText}, {@link TransientElements}): a check that saw a line differently from ngspice could pass
 * what ngspice then runs.
 *
 * <p>Comments follow {@code inp_stripcomments_line} of ngspice 39.3 ({@code src/frontend/inpcom.c}) outside a
 * {@code .control} section (a line model holds none): a line whose first non-blank character is {@code *} is a
 * comment, and so is one that starts with a character of {@link #UNUSUAL_LEADING} ({@code inp_check_syntax}
 * replaces it by {@code *}, with a warning); a line is cut at a {@code ;} after its first character, at a {@code $} that follows a blank, a tab or a
 * comma, and at {@code //}. A line whose first non-blank character is {@code +} continues the logical line before
 * it (ngspice stitches continuations after removing their comments).
 */
final class SpiceLines {
    /** First characters that ngspice 39.3 turns into a comment's {@code *} (with a warning). */
    static final String UNUSUAL_LEADING = "=[]?()&%$\"!:,\f;";

    private SpiceLines() {
    }

    /**
     * One logical line: its text with comments removed and continuations joined (case kept, for messages), and the
     * number of the physical line it starts on (1-based).
     *
     * @param number       the physical line number it starts on
     * @param text         the text, stripped
     * @param continuation whether it is a continuation ({@code +}) with no line before it to continue
     */
    record Line(int number, String text, boolean continuation) {
        /** Its words in lower case: blanks, commas and the brackets around parameters separate them. */
        String[] words() {
            return SpiceLines.words(text);
        }
    }

    /** The words of {@code text} in lower case: blanks, commas and the brackets around parameters separate them. */
    static String[] words(String text) {
        return text.strip().toLowerCase(Locale.ROOT).split("[\\s,()]+");
    }

    /** The non-blank, non-comment logical lines of {@code raw} (physical lines, in order). */
    static List<Line> logical(List<String> raw) {
        List<Line> out = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            String s = withoutComment(raw.get(i)).strip();
            if (s.isEmpty()) {
                continue;
            }
            if (s.startsWith("+")) {
                String rest = s.substring(1).strip();
                if (out.isEmpty()) {
                    out.add(new Line(i + 1, rest, true));
                } else {
                    Line last = out.remove(out.size() - 1);
                    out.add(new Line(last.number(), (last.text() + " " + rest).strip(), last.continuation()));
                }
            } else {
                out.add(new Line(i + 1, s, false));
            }
        }
        return out;
    }

    /**
     * {@code line} as the netlist should carry it: a line that ngspice would turn into a comment with a warning
     * (first character in {@link #UNUSUAL_LEADING}) made a comment here, so that ngspice reads what the checks read
     * and has nothing to warn about.
     */
    static String asCarried(String line) {
        String s = line.replace("\r", "");
        String lead = s.stripLeading();
        return !lead.isEmpty() && UNUSUAL_LEADING.indexOf(lead.charAt(0)) >= 0 ? "*" + s : s;
    }

    /** {@code line} without its comment (see the class comment); empty for a comment line. */
    static String withoutComment(String line) {
        String s = line.replace("\r", "");
        String lead = s.stripLeading();
        if (lead.isEmpty() || lead.charAt(0) == '*' || UNUSUAL_LEADING.indexOf(lead.charAt(0)) >= 0) {
            return "";
        }
        int start = s.length() - lead.length();
        for (int i = start; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean cut = c == ';'
                    || (c == '$' && i > start && " \t,".indexOf(s.charAt(i - 1)) >= 0)
                    || (c == '/' && i + 1 < s.length() && s.charAt(i + 1) == '/');
            if (cut) {
                return s.substring(0, i);
            }
        }
        return s;
    }
}
