package org.kljn.ngspice;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ref.SoftReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where the ngspice shared library is, and private copies of it.
 *
 * <p>ngspice keeps global state, so one loaded file serves one caller at a time. The dynamic loader
 * shares a file opened twice under the same name; a copy under another name, opened with
 * {@code RTLD_LOCAL}, gets its own globals. That is how the bridge runs instances in parallel.
 */
public final class LibraryFiles {
    /** System property naming the library file (takes precedence over the environment). */
    public static final String PROPERTY = "kljn.ngspice.library";
    /** Environment variable naming the library file, or a folder holding {@code libngspice.so.0}. */
    public static final String ENVIRONMENT = "NGSPICE_LIBRARY_PATH";

    private static final List<String> DEFAULT_LOCATIONS = List.of(
            "/usr/lib/x86_64-linux-gnu/libngspice.so.0",
            "/usr/lib/aarch64-linux-gnu/libngspice.so.0",
            "/usr/lib64/libngspice.so.0",
            "/usr/lib/libngspice.so.0",
            "/usr/local/lib/libngspice.so.0",
            "/usr/local/lib/libngspice.so");

    /**
     * System property that loads ngspice unpatched, with its own {@code signal()} calls (a control for the
     * signal-safety test; never needed otherwise).
     */
    static final String KEEP_SIGNAL_CALLS = "kljn.ngspice.keepSignalCalls";
    /** System property that keeps ngspice's per-point {@code clock()} calls (to measure what removing them saves). */
    static final String KEEP_CLOCK_CALLS = "kljn.ngspice.keepClockCalls";
    static final String FOLDER_PREFIX = "kljn-ngspice-";
    private static final AtomicInteger COPIES = new AtomicInteger();
    private static Path copyFolder;
    private static SoftReference<byte[]> template;
    private static String patchProblem;

    private LibraryFiles() {
    }

    /** Where the library file comes from, for messages ("environment variable NGSPICE_LIBRARY_PATH = ..."). */
    static String source() {
        String configured = System.getProperty(PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return "system property " + PROPERTY + " = " + configured;
        }
        configured = System.getenv(ENVIRONMENT);
        if (configured != null && !configured.isBlank()) {
            return "environment variable " + ENVIRONMENT + " = " + configured;
        }
        return "the system's ngspice";
    }

    /**
     * The library file to load: {@value #PROPERTY}, else {@value #ENVIRONMENT}, else the usual
     * system locations.
     *
     * @throws NgSpiceException naming what was looked for, when nothing is found
     */
    public static Path systemLibrary() {
        String configured = System.getProperty(PROPERTY);
        String source = "system property " + PROPERTY;
        if (configured == null || configured.isBlank()) {
            configured = System.getenv(ENVIRONMENT);
            source = "environment variable " + ENVIRONMENT;
        }
        if (configured != null && !configured.isBlank()) {
            Path p = Path.of(configured);
            if (Files.isDirectory(p)) {
                p = p.resolve("libngspice.so.0");
            }
            if (!Files.isRegularFile(p)) {
                throw new NgSpiceException(source + " = " + configured
                        + " does not name a readable ngspice shared library (a file such as libngspice.so.0,"
                        + " or a folder holding one)", List.of());
            }
            return p.toAbsolutePath();
        }
        for (String candidate : DEFAULT_LOCATIONS) {
            Path p = Path.of(candidate);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        throw new NgSpiceException("ngspice shared library not found in " + DEFAULT_LOCATIONS
                + "; install it with native/ensure-ngspice.sh (Debian: apt-get install libngspice0 ngspice)"
                + " or set " + ENVIRONMENT + " / -D" + PROPERTY + " to its path", List.of());
    }

    /**
     * A fresh copy of the library under a name no other instance uses, with ngspice's {@code signal()} calls
     * neutralised ({@link SignalFreeElf}). The caller loads it and then {@link #discard}s the file: the loader
     * keeps its mapping, so nothing stays in the temporary folder even if the process is killed.
     *
     * @throws NgSpiceException naming the file and the cause when the copy cannot be written
     */
    static synchronized Path privateCopy(Path original) {
        Path folder = copyFolder();
        Path copy = folder.resolve("libngspice-kljn-" + COPIES.incrementAndGet() + ".so");
        byte[] bytes = patchedBytes(original);
        try {
            Files.write(copy, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(copy);
            } catch (IOException ignored) {
                // the start-up clean-up of a later run removes it
            }
            throw new NgSpiceException("cannot write a private copy of the ngspice library to " + copy + ": "
                    + IoMessages.reason(e) + " (a parallel or fresh ngspice instance needs "
                    + bytes.length / 1_000_000 + " MB in " + folder.getParent() + ")", List.of());
        }
        copy.toFile().deleteOnExit();
        return copy;
    }

    /**
     * Writes {@code bytes} (a native library kljn carries, such as the callback shim) to a new file in this process's
     * copy folder, for loading; the caller {@link #discard}s it once loaded.
     */
    static synchronized Path writeOwnedCopy(String stem, byte[] bytes) {
        Path folder = copyFolder();
        Path copy = folder.resolve(stem + "-" + COPIES.incrementAndGet() + ".so");
        try {
            Files.write(copy, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (IOException e) {
            discard(copy);
            throw new NgSpiceException("cannot write " + copy + ": " + IoMessages.reason(e), List.of());
        }
        copy.toFile().deleteOnExit();
        return copy;
    }

    /** Deletes a loaded copy (the dynamic loader keeps the mapping). */
    static void discard(Path copy) {
        try {
            Files.deleteIfExists(copy);
        } catch (IOException e) {
            // left for deleteOnExit and the start-up clean-up
        }
    }

    /**
     * Takes ngspice's per-point {@code clock()} (console feedback only, see {@link SignalFreeElf}) out of the copy;
     * a pure saving, so a library where that is not possible is used as it is.
     */
    private static void neutraliseClock(byte[] bytes) {
        if (Boolean.getBoolean(KEEP_CLOCK_CALLS)) {
            return;
        }
        try {
            SignalFreeElf.neutraliseClock(bytes);
        } catch (SignalFreeElf.NotPatchable e) {
            // the copy keeps its clock() calls: slower, not wrong
        }
    }

    /** Why the loaded copies could not be made signal-free, or null if they are. */
    static synchronized String signalPatchProblem() {
        return patchProblem;
    }

    private static byte[] patchedBytes(Path original) {
        byte[] bytes = template == null ? null : template.get();
        if (bytes != null) {
            return bytes;
        }
        try {
            bytes = Files.readAllBytes(original);
        } catch (IOException e) {
            throw new NgSpiceException("cannot read the ngspice library " + original + ": " + IoMessages.reason(e),
                    List.of());
        }
        try {
            if (Boolean.getBoolean(KEEP_SIGNAL_CALLS)) {
                throw new SignalFreeElf.NotPatchable("-D" + KEEP_SIGNAL_CALLS + "=true");
            }
            SignalFreeElf.neutraliseSignal(bytes);
            patchProblem = null;
            neutraliseClock(bytes);
        } catch (SignalFreeElf.NotPatchable e) {
            if (e.getMessage().startsWith("not an ELF file") || e.getMessage().startsWith("not a 64-bit")) {
                throw new NgSpiceException(original + " is not an ngspice shared library (" + e.getMessage() + "; "
                        + source() + ")", List.of());
            }
            if (patchProblem == null) {
                System.err.println("kljn: warning: " + original + ": cannot stop ngspice from replacing the JVM's"
                        + " signal handlers (" + e.getMessage() + "); the bridge restores them after start-up, but a"
                        + " JVM thread that faults during ngspice's start-up can still crash the process");
            }
            patchProblem = e.getMessage();
        }
        template = new SoftReference<>(bytes);
        return bytes;
    }

    /**
     * This process's folder for library copies ({@link OwnedTempFolders}: {@code kljn-ngspice-PID-START-N}); the
     * first call removes the folders of processes that are gone (killed or crashed runs).
     */
    private static Path copyFolder() {
        if (copyFolder != null && Files.isDirectory(copyFolder)) {
            return copyFolder;
        }
        try {
            copyFolder = OwnedTempFolders.create(FOLDER_PREFIX);
        } catch (IOException e) {
            throw new NgSpiceException("cannot create a folder for private copies of the ngspice library in "
                    + System.getProperty("java.io.tmpdir") + ": " + IoMessages.reason(e), List.of());
        }
        return copyFolder;
    }

    /** Removes copy folders of processes that are gone (see {@link OwnedTempFolders#cleanStale}). */
    static List<Path> cleanStaleCopies(Path tmp) {
        return OwnedTempFolders.cleanStale(tmp, FOLDER_PREFIX);
    }
}
