package org.kljn.ngspice;

import java.util.List;
import java.util.Optional;

/**
 * ngspice refused a circuit or a command, or a run failed. ngspice reports almost all errors only as
 * text on its stderr; this exception carries those lines verbatim, and the netlist line they point at
 * when ngspice named one.
 */
public class NgSpiceException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final List<String> ngspiceMessages;
    private final String netlistLine;
    private final int netlistLineNumber;

    public NgSpiceException(String what, List<String> ngspiceMessages, String netlistLine, int netlistLineNumber) {
        super(compose(what, ngspiceMessages, netlistLine, netlistLineNumber));
        this.ngspiceMessages = List.copyOf(ngspiceMessages);
        this.netlistLine = netlistLine;
        this.netlistLineNumber = netlistLineNumber;
    }

    public NgSpiceException(String what, List<String> ngspiceMessages) {
        this(what, ngspiceMessages, null, 0);
    }

    /** ngspice's own error lines, without the "stderr " prefix. */
    public List<String> ngspiceMessages() {
        return ngspiceMessages;
    }

    /** The offending netlist line as written by the caller, when ngspice pointed at one. */
    public Optional<String> netlistLine() {
        return Optional.ofNullable(netlistLine);
    }

    /** 1-based number of the offending line in the lines given to {@link NgSpice#loadCircuit}, or 0 if unknown. */
    public int netlistLineNumber() {
        return netlistLineNumber;
    }

    private static String compose(String what, List<String> messages, String line, int number) {
        StringBuilder sb = new StringBuilder(what);
        if (!messages.isEmpty()) {
            sb.append(": ngspice says: ").append(String.join(" | ", messages));
        }
        if (line != null) {
            sb.append(" (netlist line ");
            if (number > 0) {
                sb.append(number).append(": ");
            }
            sb.append('"').append(line.strip()).append("\")");
        }
        return sb.toString();
    }
}
