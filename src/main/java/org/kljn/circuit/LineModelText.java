package org.kljn.circuit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a user's line-model file may hold: circuit elements, nothing that runs. A line model from someone else is
 * untrusted input, and ngspice would run a {@code .control} block in it ({@code shell} runs any program, a
 * {@code while} loop never ends), read any file an {@code .include} names (and quote it in its error), recurse
 * into a file that includes itself until it crashes, and replace a value it cannot read by a default with only a
 * warning ({@code R2 m b} becomes 1 mΩ; a capacitor with no value 0 F). So the file is checked against an
 * allow-list, not a deny-list: what is not listed here is refused, naming the file and line and never quoting a
 * line's contents beyond its first word (issue 22 items 3, 13 and 17).
 *
 * <ul>
 *   <li>comments ({@code *} lines, {@code ;} and {@code $} tails) and blank lines; {@code +} continues a line;</li>
 *   <li>element lines whose name starts with one of {@link #ELEMENTS}: R, C, L (with a value that is a SPICE
 *       number, a {@code {expression}} or a model defined in the file), K, T, O (LTRA), U (URC), X (a subcircuit
 *       instance), E, F, G, H (controlled sources), B (behavioural sources: an expression, no program), V, I
 *       (but no {@code external} source: those are kljn's own inputs, and 39.3 crashes on one with a DC
 *       value);</li>
 *   <li>the dot-commands {@code .subckt .ends .model .param .end}.</li>
 * </ul>
 */
final class LineModelText {
    /** The first letters of the element lines a line model may hold. */
    static final String ELEMENTS = "RCLKTOUXEFGHBVI";
    private static final Set<String> DOT_COMMANDS = Set.of(".subckt", ".ends", ".model", ".param", ".end");
    private static final Pattern DIRECTIVE = Pattern.compile("\\.[a-z_]{1,20}");
    private static final Pattern EXPRESSION = Pattern.compile("^[{'].*");
    private static final String ALLOWED = "a line-model file holds circuit elements only: element lines (names"
            + " starting with R, C, L, K, T, O, U, X, E, F, G, H, B, V or I), .subckt, .ends, .model, .param and comments";

    private LineModelText() {
    }

    /**
     * Checks the lines of {@code file} (see the class comment).
     *
     * @return the lines, carriage returns removed and {@code .end} made a comment: the text the netlist carries
     *         instead of an {@code .include}
     * @throws ParameterException naming the file, the line number and what is allowed
     */
    static List<String> check(Path file, List<String> lines) {
        List<String> clean = new ArrayList<>(lines.size());
        Set<String> models = new HashSet<>();
        for (String line : lines) {
            String[] t = SpiceLines.words(SpiceLines.withoutComment(line));
            // the netlist carries this text: an .end in it would end the netlist there
            clean.add(t[0].equals(".end") ? "* .end of the line-model file" : SpiceLines.asCarried(line));
            if (t.length >= 2 && t[0].equals(".model")) {
                models.add(t[1]);
            }
        }
        for (SpiceLines.Line line : SpiceLines.logical(clean)) {
            if (line.continuation()) {
                throw refused(file, line.number(), "a continuation line (+) with no line before it");
            }
            checkLine(file, line.number(), line.words(), models);
        }
        return List.copyOf(clean);
    }

    private static void checkLine(Path file, int number, String[] t, Set<String> models) {
        String first = t[0];
        if (first.isEmpty()) {
            throw refused(file, number, "not an element line of a kind a line model may hold");
        }
        if (first.startsWith(".")) {
            if (!DOT_COMMANDS.contains(first)) {
                String shown = DIRECTIVE.matcher(first).matches() ? first : "this dot-command";
                throw refused(file, number, shown + " is not allowed (control blocks, includes and other"
                        + " dot-commands can run programs or read other files)");
            }
            return;
        }
        char kind = Character.toUpperCase(first.charAt(0));
        if (ELEMENTS.indexOf(kind) < 0 || !Character.isLetter(first.charAt(0))) {
            throw refused(file, number, "not an element line of a kind a line model may hold");
        }
        String name = shown(first);
        if (kind == 'R' || kind == 'C' || kind == 'L') {
            if (t.length < 4) {
                throw wrong(file, number, name + " has no value (ngspice would put in a default: 1 mOhm for a"
                        + " resistor, 0 for a capacitor or inductor)");
            }
            String value = t[3];
            int eq = value.indexOf('=');
            if (eq > 0 && List.of("r", "c", "l", "resistance", "capacitance", "inductance")
                    .contains(value.substring(0, eq))) {
                value = value.substring(eq + 1);
            } else if (eq >= 0) {
                throw wrong(file, number, name + " has no value (ngspice would put in a default)");
            }
            if (!EXPRESSION.matcher(value).matches() && !models.contains(value) && !isNumber(value)) {
                throw wrong(file, number, "the value of " + name + " is not a number: write a decimal number with"
                        + " an optional SPICE suffix f p n u m k meg g t (e.g. 16.8, 52u, 5.2n), a {expression} or"
                        + " the name of a .model in the file (ngspice would read it as a model name or drop the rest)");
            }
        }
        if ((kind == 'V' || kind == 'I') && List.of(t).contains("external")) {
            throw wrong(file, number, name + " is an external source: those are kljn's own noise inputs, not part"
                    + " of a cable (and ngspice 39.3 crashes on one with a DC value)");
        }
    }

    private static boolean isNumber(String value) {
        try {
            SpiceNumbers.parse("value", value);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** An element's name as it may be shown: letters, digits and _ only, at most 20 characters. */
    private static String shown(String name) {
        return name.matches("[a-z0-9_]{1,20}") ? name.toUpperCase(Locale.ROOT) : "this element";
    }

    /** A line of a kind the file may not hold: says what it may hold. */
    private static ParameterException refused(Path file, int number, String why) {
        return wrong(file, number, why + "; " + ALLOWED);
    }

    /** A line of an allowed kind with a wrong value. */
    private static ParameterException wrong(Path file, int number, String why) {
        return new ParameterException(Parameter.SUBCIRCUIT_FILE, file + " line " + number + ": " + why);
    }
}
