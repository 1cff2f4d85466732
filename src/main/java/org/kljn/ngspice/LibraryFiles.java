package org.kljn.ngspice;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ref.SoftReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

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
    static final String FOLDER_PREFIX = "kljn-ngspice-";
    private static final Pattern OWNED_FOLDER = Pattern.compile(Pattern.quote(FOLDER_PREFIX) + "(\\d+)-(\\d+)");
    private static final AtomicInteger COPIES = new AtomicInteger();
    private static Path copyFolder;
    private static SoftReference<byte[]> template;
    private static String patchProblem;

    private LibraryFiles() {
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

    /** Deletes a loaded copy (the dynamic loader keeps the mapping). */
    static void discard(Path copy) {
        try {
            Files.deleteIfExists(copy);
        } catch (IOException e) {
            // left for deleteOnExit and the start-up clean-up
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
        } catch (SignalFreeElf.NotPatchable e) {
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
     * This process's folder for library copies, {@code kljn-ngspice-PID-START} in the temporary folder. The
     * first call removes the folders of processes that are gone (killed or crashed runs).
     */
    private static Path copyFolder() {
        if (copyFolder != null && Files.isDirectory(copyFolder)) {
            return copyFolder;
        }
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        cleanStaleCopies(tmp);
        ProcessHandle self = ProcessHandle.current();
        Path folder = tmp.resolve(FOLDER_PREFIX + self.pid() + "-" + startMillis(self));
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new NgSpiceException("cannot create the folder " + folder + " for private copies of the ngspice"
                    + " library: " + IoMessages.reason(e), List.of());
        }
        folder.toFile().deleteOnExit();
        copyFolder = folder;
        return folder;
    }

    private static long startMillis(ProcessHandle p) {
        return p.info().startInstant().map(java.time.Instant::toEpochMilli).orElse(0L);
    }

    /**
     * Removes copy folders in {@code tmp} whose owner process is gone: {@code kljn-ngspice-PID-START} when no
     * process with that id and start time runs; a folder in the older {@code kljn-ngspice-NNNN} form when it is
     * over ten minutes old and no running process maps a file in it.
     *
     * @return the folders removed
     */
    static List<Path> cleanStaleCopies(Path tmp) {
        List<Path> removed = new ArrayList<>();
        List<Path> candidates;
        try (Stream<Path> list = Files.list(tmp)) {
            candidates = list.filter(p -> p.getFileName().toString().startsWith(FOLDER_PREFIX))
                    .filter(Files::isDirectory).toList();
        } catch (IOException | UncheckedIOException e) {
            return removed;
        }
        String mapped = null;
        for (Path folder : candidates) {
            Matcher m = OWNED_FOLDER.matcher(folder.getFileName().toString());
            boolean stale;
            if (m.matches()) {
                long pid = Long.parseLong(m.group(1));
                long start = Long.parseLong(m.group(2));
                stale = ProcessHandle.of(pid).map(p -> !p.isAlive() || startMillis(p) != start).orElse(true);
            } else {
                if (mapped == null) {
                    mapped = mappedFiles();
                }
                stale = olderThan(folder, java.time.Duration.ofMinutes(10))
                        && !mapped.contains(folder.toAbsolutePath() + "/");
            }
            if (stale && deleteTree(folder)) {
                removed.add(folder);
            }
        }
        return removed;
    }

    private static boolean olderThan(Path p, java.time.Duration age) {
        try {
            return Files.getLastModifiedTime(p).toInstant().isBefore(java.time.Instant.now().minus(age));
        } catch (IOException e) {
            return false;
        }
    }

    /** Every file any process maps ({@code /proc/PID/maps}), as one string. */
    private static String mappedFiles() {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : (Iterable<Path>) procs::iterator) {
                if (p.getFileName().toString().chars().allMatch(Character::isDigit)) {
                    try {
                        all.append(Files.readString(p.resolve("maps"), StandardCharsets.ISO_8859_1));
                    } catch (IOException | UncheckedIOException e) {
                        // the process ended or is not ours to read
                    }
                }
            }
        } catch (IOException | UncheckedIOException e) {
            return "";
        }
        return all.toString();
    }

    private static boolean deleteTree(Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
            return true;
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }
}
