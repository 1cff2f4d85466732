package org.kljn.circuit;

/**
 * A value outside what the physics or a model allows, saying why in the domain's words ("a ladder of 2 sections
 * cannot resolve this line at 100 kHz ..."). It names the {@link Parameter} at fault so that a front end can
 * prefix its own name for it (the command line {@code --sections}, a sweep spec {@code sections}).
 */
public final class ParameterException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final Parameter parameter;

    public ParameterException(Parameter parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    public ParameterException(Parameter parameter, String message, Throwable cause) {
        super(message, cause);
        this.parameter = parameter;
    }

    /** The quantity at fault. */
    public Parameter parameter() {
        return parameter;
    }
}
