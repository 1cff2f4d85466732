package org.kljn.testing;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Structure;

import javax.management.JMException;
import javax.management.ObjectName;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One snapshot of a process's memory, split by who holds it, for soak tests of native leaks (ngspice, the bridge).
 *
 * <p>Why not "resident memory minus the JVM's committed heap and non-heap": the memory MXBean's non-heap is only the
 * code cache and metaspace. The JVM also mallocs for itself: a C2 compilation holds up to ~26 MB of arena memory while
 * it runs and G1 ~5-11 MB of native structures (Native Memory Tracking's peaks in a sweep child). Those come and go
 * with the compiler's and collector's work, so "resident minus the MXBean's committed" spanned 67.2-89.5 MB over a
 * 400-point exact sweep while resident minus NMT's committed stayed within -7.3 to -5.3 MB (docs/ngspice.md): one
 * compilation in flight at the last measurement is enough to read as a 28.6 MB "leak" over a sweep. Waiting for the
 * JIT to be idle does not prevent it: the compiler's total time changes only when a compilation ends, and on a loaded
 * machine one compilation lasts seconds of wall time.
 *
 * <p>Needs a JVM started with {@code -XX:NativeMemoryTracking=summary} (and glibc's {@code mallinfo2}, glibc 2.33+).
 *
 * @param resident      VmRSS, bytes
 * @param jvmCommitted  everything the JVM tracks as committed (heap, metaspace, code, GC, compiler arenas, thread
 *                      stacks, its own mallocs), NMT's total, bytes
 * @param jvmMalloc     what the JVM itself holds from malloc (NMT's total malloc), bytes
 * @param mallocInUse   what the whole process holds from glibc's malloc (in-use chunks, arenas and mmapped), bytes
 */
public record NativeMemory(long resident, long jvmCommitted, long jvmMalloc, long mallocInUse) {
    private static final Pattern TOTAL = Pattern.compile("Total: reserved=\\d+KB, committed=(\\d+)KB");
    private static final Pattern MALLOC = Pattern.compile("^\\s*malloc: (\\d+)KB", Pattern.MULTILINE);
    /** Two NMT reads around a snapshot that differ by more than this saw the JVM's own memory move: retry. */
    private static final long STABLE = 256 * 1024;

    /** Resident memory the JVM does not account for: native libraries' mallocs and mappings, glibc's free pages. */
    public long outsideJvm() {
        return resident - jvmCommitted;
    }

    /**
     * What native code other than the JVM holds from malloc: ngspice, JNA's {@code Memory} and callbacks, the
     * shim (precise to a few kB: glibc counts chunk headers, NMT the requested sizes).
     */
    public long foreignMalloc() {
        return mallocInUse - jvmMalloc;
    }

    /**
     * A snapshot after a GC with glibc's free pages returned to the system (malloc_trim), taken between two Native
     * Memory Tracking reads that agree (retried while the JVM's own memory moves, up to a minute).
     *
     * @throws IllegalStateException when Native Memory Tracking is off in this JVM
     */
    public static NativeMemory measure() {
        NativeMemory last = null;
        for (int attempt = 0; attempt < 60; attempt++) {
            System.gc();
            LibC.INSTANCE.malloc_trim(0);
            String before = nmtSummary();
            long resident = residentBytes();
            LibC.Mallinfo2 m = LibC.INSTANCE.mallinfo2();
            String after = nmtSummary();
            last = new NativeMemory(resident, kilobytes(TOTAL, after), kilobytes(MALLOC, after), m.uordblks + m.hblkhd);
            if (Math.abs(kilobytes(TOTAL, before) - last.jvmCommitted) <= STABLE
                    && Math.abs(kilobytes(MALLOC, before) - last.jvmMalloc) <= STABLE) {
                return last;
            }
            sleep();
        }
        return last;
    }

    /** The JVM's Native Memory Tracking summary, as {@code jcmd PID VM.native_memory summary} prints it. */
    public static String nmtSummary() {
        try {
            String s = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "vmNativeMemory",
                    new Object[] {new String[] {"summary"}}, new String[] {String[].class.getName()});
            if (!TOTAL.matcher(s).find()) {
                throw new IllegalStateException("no Native Memory Tracking summary (start the JVM with"
                        + " -XX:NativeMemoryTracking=summary): " + s.strip());
            }
            return s;
        } catch (JMException e) {
            throw new IllegalStateException("cannot read the JVM's Native Memory Tracking summary", e);
        }
    }

    /** This process's resident set size (VmRSS), bytes. */
    public static long residentBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D+", "")) * 1024;
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        throw new IllegalStateException("no VmRSS in /proc/self/status");
    }

    private static long kilobytes(Pattern p, String nmt) {
        Matcher m = p.matcher(nmt);
        if (!m.find()) {
            throw new IllegalStateException("unexpected Native Memory Tracking summary: " + nmt);
        }
        return Long.parseLong(m.group(1)) * 1024;
    }

    private static void sleep() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while measuring memory", e);
        }
    }

    /** glibc's malloc statistics (x86-64: size_t is 64 bits). */
    interface LibC extends Library {
        LibC INSTANCE = Native.load("c", LibC.class);

        int malloc_trim(long pad);

        Mallinfo2.ByValue mallinfo2();

        @Structure.FieldOrder({"arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks", "uordblks",
                "fordblks", "keepcost"})
        class Mallinfo2 extends Structure {
            public long arena;
            public long ordblks;
            public long smblks;
            public long hblks;
            /** Bytes in chunks glibc mmapped on their own (large allocations). */
            public long hblkhd;
            public long usmblks;
            public long fsmblks;
            /** Bytes in in-use chunks of every arena. */
            public long uordblks;
            public long fordblks;
            public long keepcost;

            public static class ByValue extends Mallinfo2 implements Structure.ByValue {
            }
        }
    }
}
