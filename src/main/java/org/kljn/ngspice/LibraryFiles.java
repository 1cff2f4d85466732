package org.kljn.ngspice;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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

    private static final AtomicInteger COPIES = new AtomicInteger();
    private static Path copyFolder;

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
     * A fresh copy of the library under a name no other instance uses. The copy is deleted when
     * the JVM exits (the loader keeps its mapping).
     */
    static synchronized Path privateCopy(Path original) {
        try {
            if (copyFolder == null) {
                copyFolder = Files.createTempDirectory("kljn-ngspice-");
                copyFolder.toFile().deleteOnExit();
            }
            Path copy = copyFolder.resolve("libngspice-kljn-" + COPIES.incrementAndGet() + ".so");
            Files.copy(original, copy, StandardCopyOption.REPLACE_EXISTING);
            copy.toFile().deleteOnExit();
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + original + " for a parallel ngspice instance", e);
        }
    }
}
