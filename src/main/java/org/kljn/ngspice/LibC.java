package org.kljn.ngspice;

import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;

import java.util.ArrayList;
import java.util.List;

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

    /**
     * Signals the JVM installs handlers for and that ngspice 39.3 calls {@code signal()} on: SIGHUP, SIGINT,
     * SIGQUIT, SIGILL, SIGBUS, SIGFPE, SIGSEGV, SIGUSR2, SIGTERM, SIGTSTP.
     */
    private static final int[] JVM_SIGNALS = {1, 2, 3, 4, 7, 8, 11, 12, 15, 20};

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

    /** A signal's current handler address and {@code sa_flags} (glibc x86-64 layout: handler @0, flags @136). */
    record Disposition(long handler, int flags) {
    }

    static Disposition disposition(int signal) {
        Memory m = new Memory(SIGACTION_SIZE);
        m.clear();
        C_LIB.sigaction(signal, null, m);
        return new Disposition(Pointer.nativeValue(m.getPointer(0)), m.getInt(136));
    }

    /**
     * The JVM's own signal dispositions, captured once before any ngspice instance starts. ngspice 39.3's
     * {@code signal()} calls (see {@link SignalFreeElf}) are neutralised in the copies the bridge loads; this
     * is the second line of defence for a library that could not be patched: after every {@code ngSpice_Init}
     * the JVM's original {@code sigaction}s are put back exactly (a per-call save would capture ngspice's
     * handler if two initialisations overlapped).
     */
    static final class SavedSignals {
        private final Memory[] saved = new Memory[JVM_SIGNALS.length];

        private SavedSignals() {
            for (int i = 0; i < JVM_SIGNALS.length; i++) {
                saved[i] = new Memory(SIGACTION_SIZE);
                saved[i].clear();
                C_LIB.sigaction(JVM_SIGNALS[i], null, saved[i]);
            }
        }

        /** The dispositions installed now. */
        static SavedSignals capture() {
            return new SavedSignals();
        }

        /**
         * Puts back every saved disposition that differs from the installed one.
         *
         * @return the numbers of the signals that had been changed
         */
        List<Integer> restoreChanged() {
            List<Integer> changed = new ArrayList<>();
            for (int i = 0; i < JVM_SIGNALS.length; i++) {
                Disposition was = new Disposition(Pointer.nativeValue(saved[i].getPointer(0)), saved[i].getInt(136));
                if (!disposition(JVM_SIGNALS[i]).equals(was)) {
                    C_LIB.sigaction(JVM_SIGNALS[i], saved[i], null);
                    changed.add(JVM_SIGNALS[i]);
                }
            }
            return changed;
        }
    }
}
