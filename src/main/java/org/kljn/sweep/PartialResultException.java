package org.kljn.sweep;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A point that failed after some of its results were computed (the exact analysis finished, the Monte Carlo
 * failed): the runner writes it as failed, with the results it has and the reason.
 */
public final class PartialResultException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Map<String, Object> partial;

    public PartialResultException(Map<String, Object> partial, String message, Throwable cause) {
        super(message, cause);
        this.partial = new LinkedHashMap<>(partial);
    }

    /** The error cell: the message, then the cause's chain ({@code Monte Carlo failed ... <- NgSpiceException: ...}). */
    public String describe() {
        return getCause() == null ? getMessage() : getMessage() + " <- " + SweepRunner.describe(getCause());
    }

    /** The results computed before the failure, by result column. */
    public Map<String, Object> partial() {
        return partial;
    }
}
