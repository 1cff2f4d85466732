package org.kljn.ngspice;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Temporary folders that name their owner process ({@code PREFIX-PID-START-RANDOM} in the temporary folder), so
 * that a later run can remove those of a killed or crashed process: a folder whose owner (that process id with
 * that start time) is gone is stale. A folder in an older naming without an owner is removed when it is over ten
 * minutes old and no running process has a file in it open or mapped.
 */
public final class OwnedTempFolders {
    private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));
    /** The folders kljn makes (and {@code kljn-isolated-} of older versions): all cleaned at a process's first. */
    private static final List<String> KNOWN = List.of("kljn-ngspice-", "kljn-worker-", "kljn-bench-",
            "kljn-isolated-");
    private static volatile boolean cleaned;

    private OwnedTempFolders() {
    }

    /**
     * A new private folder {@code PREFIX-PID-START-RANDOM} (deleted at exit if empty), after removing stale ones.
     * It is created atomically with owner-only permissions (0700) under a name no other process can predict, and a
     * name that exists already is never taken: the libraries loaded from it can only be the ones this process put
     * there (issue 22 item 19; a predictable name let another user plant a world-writable folder first).
     */
    public static Path create(String prefix) throws IOException {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        if (!cleaned) {
            cleaned = true;
            KNOWN.forEach(known -> cleanStale(tmp, known));
        }
        cleanStale(tmp, prefix);
        ProcessHandle self = ProcessHandle.current();
        // createTempDirectory adds a random part, creates the folder with mkdir (which fails on anything that
        // exists, a symbolic link included) and sets the permissions in the same call
        Path folder = Files.createTempDirectory(tmp, prefix + self.pid() + "-" + startMillis(self) + "-", OWNER_ONLY);
        folder.toFile().deleteOnExit();
        return folder;
    }

    static long startMillis(ProcessHandle p) {
        return p.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
    }

    /**
     * Removes the stale folders named {@code prefix...} in {@code tmp} (see the class comment).
     *
     * @return the folders removed
     */
    public static List<Path> cleanStale(Path tmp, String prefix) {
        List<Path> removed = new ArrayList<>();
        List<Path> candidates;
        try (Stream<Path> list = Files.list(tmp)) {
            // only real folders (not links) of this user: another user's folder is never ours to judge or delete
            candidates = list.filter(p -> p.getFileName().toString().startsWith(prefix))
                    .filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).filter(OwnedTempFolders::ownedByMe)
                    .toList();
        } catch (IOException | UncheckedIOException e) {
            return removed;
        }
        Pattern owned = Pattern.compile(Pattern.quote(prefix) + "(\\d+)-(\\d{10,})(-\\d+)?");
        String inUse = null;
        for (Path folder : candidates) {
            Matcher m = owned.matcher(folder.getFileName().toString());
            boolean stale;
            if (m.matches()) {
                long pid = Long.parseLong(m.group(1));
                long start = Long.parseLong(m.group(2));
                stale = ProcessHandle.of(pid).map(p -> !p.isAlive() || startMillis(p) != start).orElse(true);
            } else {
                if (inUse == null) {
                    inUse = filesInUse();
                }
                stale = olderThan(folder, Duration.ofMinutes(10)) && !inUse.contains(folder.toAbsolutePath() + "/");
            }
            if (stale && deleteTree(folder)) {
                removed.add(folder);
            }
        }
        return removed;
    }

    private static boolean ownedByMe(Path p) {
        try {
            // /proc/self belongs to this process's user
            return Files.getAttribute(p, "unix:uid", LinkOption.NOFOLLOW_LINKS)
                    .equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean olderThan(Path p, Duration age) {
        try {
            return Files.getLastModifiedTime(p).toInstant().isBefore(Instant.now().minus(age));
        } catch (IOException e) {
            return false;
        }
    }

    /** Every file a running process maps or has open ({@code /proc/PID/maps} and {@code /proc/PID/fd}). */
    private static String filesInUse() {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : (Iterable<Path>) procs::iterator) {
                if (!p.getFileName().toString().chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    all.append(Files.readString(p.resolve("maps"), java.nio.charset.StandardCharsets.ISO_8859_1));
                } catch (IOException | UncheckedIOException e) {
                    // ended, or not ours to read
                }
                try (Stream<Path> fds = Files.list(p.resolve("fd"))) {
                    for (Path fd : (Iterable<Path>) fds::iterator) {
                        try {
                            all.append(Files.readSymbolicLink(fd)).append('\n');
                        } catch (IOException | UncheckedIOException e) {
                            // closed meanwhile
                        }
                    }
                } catch (IOException | UncheckedIOException e) {
                    // ended, or not ours to read
                }
            }
        } catch (IOException | UncheckedIOException e) {
            return "";
        }
        return all.toString();
    }

    /** Deletes a folder and everything in it. */
    public static boolean deleteTree(Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
            return true;
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }
}
