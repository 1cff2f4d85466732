package org.kljn.ngspice;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Makes a copy of ngspice's shared library leave the process's signal handlers alone.
 *
 * <p>ngspice 39.3 calls {@code signal()} on process-wide dispositions that the JVM owns:
 * {@code ngSpice_Init} installs its own SIGSEGV handler ({@code sigsegvsh}, which prints "internal error --
 * segmentation violation" and calls ControlledExit) for the whole time it reads spinit and loads the code
 * models (sharedspice.c, lines 875-991 at tag ngspice-39.3), and every vector expression sets SIGILL to
 * {@code SIG_DFL} afterwards (evaluate.c, {@code doop_funcall}, {@code apply_func_funcall}). The JVM relies on
 * SIGSEGV for safepoint polls, implicit null checks and stack banging, and on SIGILL for not-entrant methods: any
 * Java thread that takes one of these inside that window lands in ngspice's handler and the process dies
 * (the surefire JVM died this way in {@code mvn verify} under load). Saving and restoring the dispositions
 * around the call cannot close the window, because other threads run during it.
 *
 * <p>The fix is in the copy the bridge loads: its dynamic symbol {@code signal} is renamed to {@code getpid}
 * (the symbol entry is pointed at the {@code getpid} string the library already imports, with the same symbol
 * version), so every {@code signal()} call inside ngspice becomes a harmless {@code getpid()} and no
 * disposition changes. Nothing else in the library calls {@code sigaction}.
 *
 * <p>The same rename takes {@code clock} out of the copy ({@link #neutraliseClock}): 39.3 calls {@code clock()}
 * on every accepted time point (outitf.c, {@code OUTpData} and its helpers, only to print "Reference value"
 * to stderr every quarter of a CPU second, the console feedback that ngspice's {@code -o} option switches off).
 * {@code clock()} is {@code clock_gettime(CLOCK_PROCESS_CPUTIME_ID)}, which the kernel answers by summing the CPU
 * time of every thread of the process (thread_group_cputime): in a JVM with dozens of threads that was about a
 * tenth of a transient's CPU time. As {@code getpid()} the value never changes, so the feedback line is never
 * printed; nothing else in the library calls {@code clock}.
 */
final class SignalFreeElf {
    private static final int SHT_DYNSYM = 11;
    private static final int SHT_GNU_VERSYM = 0x6fffffff;
    private static final int SYMBOL_SIZE = 24;
    private static final String NEUTRALISED = "signal";
    private static final String CLOCK = "clock";
    private static final String REPLACEMENT = "getpid";

    private SignalFreeElf() {
    }

    /** Why a library could not be patched. */
    static final class NotPatchable extends Exception {
        private static final long serialVersionUID = 1L;

        NotPatchable(String message) {
            super(message);
        }
    }

    /**
     * Patches {@code elf} in place: the undefined dynamic symbol {@code signal} then names {@code getpid}.
     * A library that imports no {@code signal} is returned unchanged.
     *
     * @return true if a symbol was renamed
     * @throws NotPatchable if the file is no 64-bit little-endian ELF or lacks what the patch needs
     */
    static boolean neutraliseSignal(byte[] elf) throws NotPatchable {
        return renameImport(elf, NEUTRALISED);
    }

    /**
     * Patches {@code elf} in place: the undefined dynamic symbol {@code clock} then names {@code getpid}.
     *
     * @return true if a symbol was renamed (false: the library imports no {@code clock})
     * @throws NotPatchable as {@link #neutraliseSignal}
     */
    static boolean neutraliseClock(byte[] elf) throws NotPatchable {
        return renameImport(elf, CLOCK);
    }

    private static boolean renameImport(byte[] elf, String neutralised) throws NotPatchable {
        ByteBuffer b = ByteBuffer.wrap(elf).order(ByteOrder.LITTLE_ENDIAN);
        if (elf.length < 64 || b.getInt(0) != 0x464c457f) {
            throw new NotPatchable("not an ELF file");
        }
        if (elf[4] != 2 || elf[5] != 1) {
            throw new NotPatchable("not a 64-bit little-endian ELF file");
        }
        long shoff = b.getLong(0x28);
        int shentsize = Short.toUnsignedInt(b.getShort(0x3A));
        int shnum = Short.toUnsignedInt(b.getShort(0x3C));
        int dynsym = -1;
        int versym = -1;
        for (int i = 0; i < shnum; i++) {
            int type = b.getInt(section(shoff, shentsize, i) + 4);
            if (type == SHT_DYNSYM) {
                dynsym = i;
            } else if (type == SHT_GNU_VERSYM) {
                versym = i;
            }
        }
        if (dynsym < 0) {
            throw new NotPatchable("no dynamic symbol table");
        }
        int symHeader = section(shoff, shentsize, dynsym);
        int symOffset = Math.toIntExact(b.getLong(symHeader + 24));
        int symCount = Math.toIntExact(b.getLong(symHeader + 32) / SYMBOL_SIZE);
        int strHeader = section(shoff, shentsize, b.getInt(symHeader + 40));
        int strOffset = Math.toIntExact(b.getLong(strHeader + 24));
        int versymOffset = versym < 0 ? -1 : Math.toIntExact(b.getLong(section(shoff, shentsize, versym) + 24));

        int target = -1;
        int replacement = -1;
        for (int i = 1; i < symCount; i++) {
            int entry = symOffset + i * SYMBOL_SIZE;
            boolean undefined = b.getShort(entry + 6) == 0;
            if (!undefined) {
                continue;
            }
            String name = cString(elf, strOffset + b.getInt(entry));
            if (name.equals(neutralised)) {
                target = i;
            } else if (name.equals(REPLACEMENT)) {
                replacement = i;
            }
        }
        if (target < 0) {
            return false;
        }
        if (replacement < 0) {
            throw new NotPatchable("the library imports " + neutralised + " but not " + REPLACEMENT);
        }
        if (versymOffset >= 0 && b.getShort(versymOffset + 2 * target) != b.getShort(versymOffset + 2 * replacement)) {
            throw new NotPatchable(neutralised + " and " + REPLACEMENT + " carry different symbol versions");
        }
        b.putInt(symOffset + target * SYMBOL_SIZE, b.getInt(symOffset + replacement * SYMBOL_SIZE));
        return true;
    }

    private static int section(long shoff, int shentsize, int index) {
        return Math.toIntExact(shoff + (long) index * shentsize);
    }

    private static String cString(byte[] bytes, int offset) {
        int end = offset;
        while (end < bytes.length && bytes[end] != 0) {
            end++;
        }
        return new String(bytes, offset, end - offset, StandardCharsets.ISO_8859_1);
    }
}
