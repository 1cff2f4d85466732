package org.kljn.circuit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A user's own cable model: a {@code .subckt} from a SPICE file with two ports (A, B; ground is the
 * common return) or four (A, A's reference, B, B's reference: a balanced pair). With four ports the return
 * conductor carries the return current: Alice's generator returns to A's reference (the one grounded point), Bob's
 * to B's reference, and Eve's U_B is the voltage between B and B's reference ({@link NetlistWriter}); tying both
 * references to ground instead would short the return conductor (a 168 Ω loop would show as its 84 Ω forward
 * conductor).
 *
 * @param file  the SPICE file holding the subcircuit
 * @param name  the subcircuit's name
 * @param ports its port names as declared
 */
public record UserSubcircuit(Path file, String name, List<String> ports) implements LineModel {
    public UserSubcircuit {
        ports = List.copyOf(ports);
        if (ports.size() != 2 && ports.size() != 4) {
            throw new ParameterException(Parameter.SUBCIRCUIT_NAME, "subcircuit " + name + " in " + file + " has " + ports.size()
                    + " ports " + ports + "; a cable model needs 2 (a b, ground common) or 4 (a a_ref b b_ref)");
        }
    }

    /**
     * Reads {@code file} and finds {@code .subckt name ...}.
     *
     * @throws IllegalArgumentException for a missing file, a missing subcircuit (listing the ones there
     *                                  are) or a wrong number of ports
     */
    public static UserSubcircuit read(Path file, String name) {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new ParameterException(Parameter.SUBCIRCUIT_FILE, "cannot read file " + file);
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new ParameterException(Parameter.SUBCIRCUIT_FILE, "cannot read " + file + ": " + e.getMessage(), e);
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
                    return new UserSubcircuit(file.toAbsolutePath(), tokens[1], ports);
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
        return List.of(".include \"" + file + "\"");
    }

    /**
     * Refuses a subcircuit holding anything the transient's accuracy bound does not cover ({@link TransientElements}:
     * sources with a value, transmission lines, nonlinear elements, commands); lumped R, L, C, K and URC pass.
     */
    @Override
    public void checkTransientCapable() {
        TransientElements.check(file, name);
    }

    @Override
    public String describe() {
        return "subcircuit " + name + " from " + file.getFileName();
    }
}
