package org.kljn.circuit;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.kljn.circuit.SpiceLines.Line;

/**
 * Which elements of a user's line model the transient's accuracy bound holds for. The bound rests on the trapezoidal
 * rule at equal steps being the bilinear transform of the circuit the AC analysis solves exactly: true for linear
 * lumped elements that ngspice integrates by that rule (R, C, L, coupled inductors K, the URC, which ngspice expands
 * into R and C sections, linear controlled sources E, F, G, H) and nothing else. Refused: independent sources with a
 * value (they inject their own signal into the line: only a 0 V ammeter or a 0 A source is accepted), transmission
 * lines (O LTRA, T, Y TXL, P CPL: convolutions and delays, not the trapezoidal rule), nonlinear, behavioural and
 * switch elements, and any dot command other than .subckt, .ends, .model, .param and .end (a .include brings in what
 * cannot be checked here; .options or .control change the solver or run commands).
 */
final class TransientElements {
    private static final Set<String> DOT_COMMANDS = Set.of(".subckt", ".ends", ".model", ".param", ".end");

    private TransientElements() {
    }

    /**
     * Refuses {@code name} in {@code file} if it, a subcircuit it calls, or an element outside every subcircuit holds
     * an element the transient's bound does not cover. {@code text} is the file's checked text, line for line, as
     * {@link UserSubcircuit} holds it: the lines the netlist carries, not the file read again.
     *
     * @throws ParameterException naming {@link Parameter#SUBCIRCUIT_FILE}, the line and the element
     */
    static void check(Path file, List<String> text, String name) {
        List<Line> lines = SpiceLines.logical(text);
        Map<String, List<Line>> bodies = new HashMap<>();
        List<Line> topLevel = new ArrayList<>();
        Deque<List<Line>> open = new ArrayDeque<>();
        for (Line line : lines) {
            String[] tokens = line.words();
            String first = tokens[0];
            if (first.equals(".subckt") && tokens.length >= 2) {
                List<Line> body = new ArrayList<>();
                bodies.put(tokens[1], body);
                open.push(body);
            } else if (first.equals(".ends")) {
                if (!open.isEmpty()) {
                    open.pop();
                }
            } else {
                (open.isEmpty() ? topLevel : open.peek()).add(line);
            }
        }
        // the named subcircuit and every one it calls, transitively (with the line that calls it), and what ngspice
        // would add to the top level
        Set<String> seen = new LinkedHashSet<>();
        Deque<Map.Entry<String, Line>> todo = new ArrayDeque<>();
        todo.push(new java.util.AbstractMap.SimpleEntry<>(name.toLowerCase(Locale.ROOT), null));
        List<Line> used = new ArrayList<>(topLevel);
        while (!todo.isEmpty()) {
            Map.Entry<String, Line> call = todo.pop();
            String sub = call.getKey();
            if (!seen.add(sub)) {
                continue;
            }
            List<Line> body = bodies.get(sub);
            if (body == null) {
                throw refuse(file, call.getValue(), "subcircuit " + sub + " is not defined in the file (it would come"
                        + " from elsewhere, where its elements cannot be checked)");
            }
            for (Line line : body) {
                String[] tokens = line.words();
                if (tokens[0].charAt(0) == 'x') {
                    todo.push(new java.util.AbstractMap.SimpleEntry<>(calledSubcircuit(tokens),
                            line));
                }
                used.add(line);
            }
        }
        for (Line line : used) {
            String why = refusal(line.words());
            if (why != null) {
                throw refuse(file, line, why);
            }
        }
    }

    /** Why the element or command is outside the bound, or null if it is covered. */
    private static String refusal(String[] t) {
        String first = t[0];
        if (first.startsWith(".")) {
            return DOT_COMMANDS.contains(first) ? null : "the command " + first + " (a line model for a transient holds"
                    + " elements only: what " + first + " brings in or changes cannot be checked)";
        }
        return switch (first.charAt(0)) {
            case 'r', 'c', 'l', 'k', 'u', 'x' -> null;
            case 'e', 'g' -> t.length == 6 && number(t[5]) ? null : "a controlled source that is not a plain linear"
                    + " gain (poly, value, table or laplace forms are not lumped linear elements)";
            case 'f', 'h' -> t.length == 5 && number(t[4]) ? null : "a controlled source that is not a plain linear"
                    + " gain";
            case 'v', 'i' -> zeroSource(t) ? null : "an independent source with a value: it injects its own signal"
                    + " into the line (only a 0 V ammeter or a 0 A source is accepted)";
            case 'o', 't', 'y', 'p' -> "a transmission-line element: ngspice runs it as a convolution or delay, not"
                    + " by the trapezoidal rule the bound is derived for (model the line with lumped RC or RLC"
                    + " sections)";
            default -> "a nonlinear, behavioural or switch element (the bound holds for linear R, L, C, K, URC and"
                    + " linear controlled sources only)";
        };
    }

    /** {@code Vname n+ n-} with nothing, {@code 0} or {@code dc 0} after the nodes. */
    private static boolean zeroSource(String[] t) {
        for (int i = 3; i < t.length; i++) {
            String s = t[i];
            if (!(s.equals("dc") || (number(s) && SpiceNumbers.parse("value", s) == 0))) {
                return false;
            }
        }
        return true;
    }

    private static boolean number(String s) {
        try {
            return Double.isFinite(SpiceNumbers.parse("value", s));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The subcircuit an X line calls: its last token before any parameters. */
    private static String calledSubcircuit(String[] t) {
        int end = t.length;
        for (int i = 1; i < t.length; i++) {
            if (t[i].equalsIgnoreCase("params:") || t[i].contains("=")) {
                end = i;
                break;
            }
        }
        return t[end - 1];
    }

    private static ParameterException refuse(Path file, Line line, String why) {
        return new ParameterException(Parameter.SUBCIRCUIT_FILE, (line == null ? file.toString()
                : file + " line " + line.number() + " '" + line.text() + "'") + ": this line model cannot run bit"
                + " exchanges: " + why + "; the exact analyses (analyze, defend, map) still accept it");
    }
}
