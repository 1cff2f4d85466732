package org.kljn.ngspice;

import java.util.Locale;

/**
 * How an ngspice instance's per-point callbacks are served: by kljn's small C library (the shim, answering
 * EXTERNAL sources, the step grid and accepted points without entering the JVM) or by JNA upcalls into Java.
 * Both give the same numbers; the shim saves the JVM upcalls that dominate a transient's cost.
 */
public enum CallbackPath {
    SHIM, JNA;

    /** System property choosing the path: {@code shim} or {@code jna} (default: the shim where it loads). */
    public static final String PROPERTY = "kljn.ngspice.callbacks";

    /** The path new sessions use: the property's choice, else the shim when it is available, else JNA. */
    public static CallbackPath preferred() {
        String wanted = System.getProperty(PROPERTY, "").strip().toLowerCase(Locale.ROOT);
        switch (wanted) {
            case "jna":
                return JNA;
            case "shim":
                if (!Shim.available()) {
                    throw new NgSpiceException("-D" + PROPERTY + "=shim, but the native shim cannot be used: "
                            + Shim.problem(), java.util.List.of());
                }
                return SHIM;
            case "":
                return Shim.available() ? SHIM : JNA;
            default:
                throw new IllegalArgumentException("-D" + PROPERTY + " = \"" + wanted + "\": allowed are shim, jna");
        }
    }

    /** The name in JSON output ({@code "shim"} or {@code "jna"}). */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
