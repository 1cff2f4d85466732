package org.kljn.ngspice;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ngspice's text output, split into ordinary output, benign notes and real errors.
 *
 * <p>Each SendChar line starts with "stdout " or "stderr ". ngspice writes several harmless notes to
 * stderr ("Note: ...", "Using SPARSE ...", "Trying gmin ..."); everything else on stderr, and the few
 * stdout lines that announce a failure, count as errors. A warning ("Warning: Model issue on line 5 :") and the
 * lines that continue it on stderr (the echoed netlist line, "unrecognized parameter (foo) - ignored") are one
 * warning, never errors: ngspice runs such a circuit.
 */
public record NgSpiceOutput(List<String> stdout, List<String> notes, List<String> errors, List<String> warnings) {

    private static final Pattern BENIGN = Pattern.compile(
            "^(note:|using sparse|trying gmin|trying source|gmin stepping|source stepping|supplies reduced"
                    + "|warning: (?!.*singular)|\\s*$|reference value|no. of data rows|doanalyses: iteration limit"
                    + "|\\*\\*\\*\\*|\\*\\* ngspice|\\*\\* the u\\. c\\.|\\*\\* please|\\*\\* creation|\\*\\* compiled"
                    + "|circuit:|option |   |spice-data|ngspice-\\d|binary raw file|ascii raw file|initial transient"
                    + "|transient solution|\\s*node\\s+voltage|-----)",
            Pattern.CASE_INSENSITIVE);

    // "error = 3" is `print error` of a vector named error, not ngspice's word
    private static final Pattern ERROR_ON_STDOUT = Pattern.compile(
            "^(error(?!\\s*=)|.*dc solution failed|.*simulation\\(s\\) aborted|.*timestep too small|.*singular matrix|.*no convergence)",
            Pattern.CASE_INSENSITIVE);

    /** A control block's {@code echo TEXT}: TEXT on stdout is the netlist's own words. */
    private static final Pattern ECHO_COMMAND = Pattern.compile("^\\s*echo\\s+(.*)$", Pattern.CASE_INSENSITIVE);

    /** ngspice's echo of the netlist's title ("Circuit: * my title"): netlist text, never a message. */
    private static final Pattern TITLE_ECHO = Pattern.compile("^circuit:\\s", Pattern.CASE_INSENSITIVE);

    private static final Pattern WARNING = Pattern.compile("^\\s*warning\\b", Pattern.CASE_INSENSITIVE);

    /**
     * A warning that ngspice put a value of its own in place of one it could not read: "can't find model '10q'"
     * (a value read as a model name, the element left at its default) and "resistance to low, set to 1 mOhm" (a
     * resistor with no value). The circuit ngspice then simulates is not the one written.
     */
    private static final Pattern SUBSTITUTED = Pattern.compile("can't find model|set to \\d|to low|using default",
            Pattern.CASE_INSENSITIVE);

    /** A line that starts a message of its own, ending a warning's continuation. */
    private static final Pattern NEW_MESSAGE = Pattern.compile(
            "^\\s*(error|warning|note|trying|supplies reduced|doanalyses|using|gmin|source stepping)\\b|^\\s*\\*"
                    + "|simulation\\(s\\) aborted",
            Pattern.CASE_INSENSITIVE);

    /**
     * 39.3's convergence aids that gave up: "Dynamic gmin stepping failed", "True gmin stepping failed", "spice3
     * gmin stepping failed", "source stepping failed" (cktop.c). They may sit mid-line ("Trying gmin = ... Warning:
     * Last gmin step failed"): searched, not anchored.
     */
    private static final Pattern STEPPING_FAILED = Pattern.compile("(gmin|source) stepping failed",
            Pattern.CASE_INSENSITIVE);

    /**
     * 39.3's last resort after the steppings fail: a transient from the ramped supplies whose end state is taken as
     * the operating point ("Transient op finished successfully"). Nothing checks that state is a DC solution: a
     * node behind a long time constant is left mid-charge (issue 22 item 7: v(a) = -2.24 V where the DC answer is
     * +0.0213 V, printed as a success).
     */
    private static final Pattern TRANSIENT_OP_DONE = Pattern.compile("transient op finished successfully",
            Pattern.CASE_INSENSITIVE);

    /** "Error on line 3 or its substitute:" (39.3) and older "Error on line 3 :" forms. */
    private static final Pattern LINE_NUMBER = Pattern.compile("line\\s+(\\d+)", Pattern.CASE_INSENSITIVE);

    public static NgSpiceOutput classify(List<String> raw) {
        return classify(raw, List.of());
    }

    /**
     * Classifies ngspice's lines; a stdout line that only echoes one of {@code netlist}'s lines (or its title, as
     * "Circuit: TITLE") is output, never an error, whatever words it contains.
     */
    public static NgSpiceOutput classify(List<String> raw, List<String> netlist) {
        java.util.Set<String> echoes = new java.util.HashSet<>();
        for (String l : netlist) {
            echoes.add(l.strip().toLowerCase(Locale.ROOT));
            Matcher echo = ECHO_COMMAND.matcher(l);
            if (echo.matches()) {
                echoes.add(echo.group(1).strip().toLowerCase(Locale.ROOT)); // what `echo Error: ...` prints
            }
        }
        List<String> out = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        List<StringBuilder> warnings = new ArrayList<>();
        StringBuilder openWarning = null;
        String steppingFailed = null;
        for (String line : raw) {
            Matcher failedStep = STEPPING_FAILED.matcher(line);
            if (failedStep.find()) {
                steppingFailed = failedStep.group().toLowerCase(Locale.ROOT);
            } else if (steppingFailed != null && TRANSIENT_OP_DONE.matcher(line).find()) {
                errors.add("(kljn:) the DC operating point did not converge (" + steppingFailed + "); ngspice's"
                        + " transient-op fallback ended at a state that is not checked to be a DC solution, so the"
                        + " results are not trusted (help ngspice converge: .nodeset, .ic, or a better-posed circuit)");
                steppingFailed = null;
            }
            if (line.startsWith("stderr ")) {
                String text = line.substring(7);
                if (WARNING.matcher(text).lookingAt()) {
                    openWarning = new StringBuilder(text.strip());
                    warnings.add(openWarning);
                    notes.add(text);
                } else if (openWarning != null && !text.isBlank() && !NEW_MESSAGE.matcher(text).lookingAt()) {
                    openWarning.append(' ').append(text.strip()); // the warning's own continuation
                    notes.add(text);
                } else {
                    openWarning = null;
                    if (BENIGN.matcher(text).lookingAt()) {
                        notes.add(text);
                    } else {
                        errors.add(text);
                    }
                }
            } else {
                openWarning = null;
                String text = line.startsWith("stdout ") ? line.substring(7) : line;
                out.add(text);
                boolean echo = TITLE_ECHO.matcher(text).lookingAt()
                        || echoes.contains(text.strip().toLowerCase(Locale.ROOT));
                if (WARNING.matcher(text).lookingAt()) {
                    warnings.add(new StringBuilder(text.strip()));
                } else if (!echo && ERROR_ON_STDOUT.matcher(text).lookingAt()) {
                    errors.add(text);
                }
            }
        }
        return new NgSpiceOutput(List.copyOf(out), List.copyOf(notes), List.copyOf(errors),
                warnings.stream().map(StringBuilder::toString).distinct().toList());
    }

    /** The warnings saying ngspice replaced a value it could not read by one of its own (see SUBSTITUTED). */
    public List<String> substitutions() {
        return warnings.stream().filter(w -> SUBSTITUTED.matcher(w).find()).toList();
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    /** The first line number ngspice mentions in an error, or 0. */
    int errorLineNumber() {
        for (String e : errors) {
            Matcher m = LINE_NUMBER.matcher(e);
            if (m.find() && e.toLowerCase(Locale.ROOT).contains("error")) {
                return Integer.parseInt(m.group(1));
            }
        }
        return 0;
    }
}
