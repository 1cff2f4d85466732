package org.kljn.ngspice;

import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;

/**
 * The few libc calls the bridge needs: the numeric locale and signal dispositions.
 */
final class LibC {
    private LibC() {
    }

    interface C extends Library {
        Pointer setlocale(int category, String locale);

        int sigaction(int signum, Pointer act, Pointer oldact);
    }

    private static final C C_LIB = Native.load("c", C.class);

    /** glibc's {@code LC_NUMERIC}. */
    static final int LC_NUMERIC = 1;

    /** Signals the JVM installs handlers for and that ngspice's initialisation may replace. */
    private static final int[] JVM_SIGNALS = {4 /* SIGILL */, 7 /* SIGBUS */, 8 /* SIGFPE */, 11 /* SIGSEGV */};

    /** Generous size for glibc's x86-64 {@code struct sigaction} (152 bytes), treated as opaque. */
    private static final int SIGACTION_SIZE = 256;

    /** Sets LC_NUMERIC and returns the previous value (null if the query failed). */
    static String setNumericLocale(String locale) {
        Pointer previous = C_LIB.setlocale(LC_NUMERIC, null);
        String before = previous == null ? null : previous.getString(0);
        C_LIB.setlocale(LC_NUMERIC, locale);
        return before;
    }

    static String numericLocale() {
        Pointer p = C_LIB.setlocale(LC_NUMERIC, null);
        return p == null ? null : p.getString(0);
    }

    /**
     * Saved signal dispositions. ngspice's {@code ngSpice_Init} installs its own SIGSEGV handler with
     * {@code signal()} while it reads spinit and then "restores" the old one with {@code signal()}, which
     * drops the JVM's {@code SA_SIGINFO|SA_ONSTACK} flags. The JVM relies on SIGSEGV for null checks and
     * safepoint polls, so the exact previous {@code sigaction}s are put back afterwards.
     */
    static final class SavedSignals {
        private final Memory[] saved = new Memory[JVM_SIGNALS.length];

        SavedSignals() {
            for (int i = 0; i < JVM_SIGNALS.length; i++) {
                saved[i] = new Memory(SIGACTION_SIZE);
                saved[i].clear();
                C_LIB.sigaction(JVM_SIGNALS[i], null, saved[i]);
            }
        }

        void restore() {
            for (int i = 0; i < JVM_SIGNALS.length; i++) {
                C_LIB.sigaction(JVM_SIGNALS[i], saved[i], null);
            }
        }
    }
}
