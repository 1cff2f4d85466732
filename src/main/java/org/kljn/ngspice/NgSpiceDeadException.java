package org.kljn.ngspice;

import java.util.List;

/**
 * ngspice called ControlledExit (after {@code quit} or an internal fatal error): that library instance
 * must never be called again in this process.
 */
public final class NgSpiceDeadException extends NgSpiceException {
    private static final long serialVersionUID = 1L;

    public NgSpiceDeadException(String what, List<String> messages) {
        super(what, messages);
    }
}
