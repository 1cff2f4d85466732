package org.kljn.circuit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.kljn.io.TextFiles;

/**
 * A user's own cable model: a {@code .subckt} from a SPICE file with two ports (A, B; ground is the
 * common return) or four (A, A's reference, B, B's reference: a balanced pair). With four ports the return
 * conductor carries the return current: Alice's generator returns to A's reference (the one grounded point), Bob's
 * to B's reference, and Eve's U_B is the voltage between B and B's reference ({@link NetlistWriter}); tying both
 * references to ground instead would short the return conductor (a 168 Ω loop would show as its 84 Ω forward
 * conductor).
 *
 * <p>The file is untrusted input: it is checked against {@link LineModelText}'s allow-list when read, and the
 * netlist carries the checked text itself, never an {@code .include} of the file (which ngspice would read again,
 * perhaps changed, and which would put the file's name into the netlist).
 *
 * @param file  the SPICE file holding the subcircuit
 * @param name  the subcircuit's name
 * @param ports its port names as declared
 * @param text  the file's checked lines
 */
public record UserSubcircuit(Path file, String name, List<String> ports, List<String> text) implements LineModel {
    public UserSubcircuit {
        ports = List.copyOf(ports);
        text = List.copyOf(text);
        if (ports.size() != 2 && ports.size() != 4) {
            throw new ParameterException(Parameter.SUBCIRCUIT_NAME, "subcircuit " + name + " in " + file + " has " + ports.size()
                    + " ports " + ports + "; a cable model needs 2 (a b, ground common) or 4 (a a_ref b b_ref)");
        }
    }

    /**
     * Reads {@code file} and finds {@code .subckt name ...}.
     *
     * @throws IllegalArgumentException for a missing file, a line the file may not hold ({@link LineModelText}), a
     *                                  missing subcircuit (listing the ones there are) or a wrong number of ports
     */
    public static UserSubcircuit read(Path file, String name) {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new ParameterException(Parameter.SUBCIRCUIT_FILE, "cannot read file " + file);
        }
        List<String> lines;
        try {
            lines = LineModelText.check(file, List.of(TextFiles.read(file, "line-model file").split("\n", -1)));
        } catch (IOException e) {
            throw new ParameterException(Parameter.SUBCIRCUIT_FILE, "cannot read " + file + ": " + e.getMessage(), e);
        } catch (ParameterException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new ParameterException(Parameter.SUBCIRCUIT_FILE, e.getMessage(), e);
        }
        List<String> found = new ArrayList<>();
        for (String line : lines) {
            String[] tokens = line.strip().split("\\s+");
            if (tokens.length >= 2 && tokens[0].equalsIgnoreCase(".subckt")) {
                found.add(tokens[1]);
                if (tokens[1].equalsIgnoreCase(name)) {
                    List<String> ports = new ArrayList<>();
                    for (int i = 2; i < tokens.length; i++) {
                        String tok = tokens[i].toLowerCase(Locale.ROOT);
                        if (tok.startsWith("params:") || tok.contains("=")) {
                            break;
                        }
                        ports.add(tokens[i]);
                    }
                    return new UserSubcircuit(file.toAbsolutePath(), tokens[1], ports, lines);
                }
            }
        }
        throw new ParameterException(Parameter.SUBCIRCUIT_NAME, "no .subckt " + name + " in " + file
                + (found.isEmpty() ? " (it defines no subcircuit)" : "; it defines " + found));
    }

    @Override
    public String kind() {
        return "subckt";
    }

    @Override
    public double resistance() {
        return Double.NaN;
    }

    @Override
    public double capacitance() {
        return Double.NaN;
    }

    /** Whether the subcircuit has its own return conductor (a b and their references). */
    public boolean fourPort() {
        return ports.size() == 4;
    }

    /** For four ports: A's reference is ground, B's reference is node {@link Probes#NODE_B_REF}. */
    @Override
    public List<String> elements(String prefix, String nodeA, String nodeB) {
        String nodes = fourPort() ? nodeA + " 0 " + nodeB + " " + Probes.NODE_B_REF : nodeA + " " + nodeB;
        return List.of("X" + prefix + " " + nodes + " " + name);
    }

    @Override
    public List<String> definitions(String prefix) {
        List<String> lines = new ArrayList<>(text.size() + 2);
        lines.add("* line model " + name + " from " + file.getFileName().toString().replaceAll("\\p{Cntrl}", "?"));
        lines.addAll(text);
        return lines;
    }

    /**
     * Refuses a subcircuit holding anything the transient's accuracy bound does not cover ({@link TransientElements}:
     * sources with a value, transmission lines, nonlinear elements, commands); lumped R, L, C, K and URC pass.
     */
    @Override
    public void checkTransientCapable() {
        TransientElements.check(file, text, name);
    }

    @Override
    public String describe() {
        return "subcircuit " + name + " from " + file.getFileName();
    }
}
