package org.kljn.sweep;

import org.kljn.ngspice.LibraryFiles;
import org.kljn.ngspice.NgSpicePool;
import org.kljn.testing.NativeMemory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The child JVM of {@link SweepSoakIT} (started with a fixed, pre-touched heap and Native Memory Tracking, so that
 * what native code holds can be told from the JVM's own memory: {@link NativeMemory}): evaluates a sweep's points one
 * after the other on one pooled session, as {@code kljn sweep --jobs 1} and each {@code --isolate} worker do, and
 * prints one line {@code soak POINTS RSS0 RSS1 JVM0 JVM1 TMP0 TMP1 COPIES0 COPIES1 LIBRARY FOREIGN0 FOREIGN1} with the
 * measurements after the warm-up points and after the rest (JVM: NMT's committed total; FOREIGN: malloc'd bytes
 * held by native code other than the JVM). With a third argument K, also a line {@code at I RSS MXBEAN JVM FOREIGN}
 * every K points (MXBEAN: the memory MXBean's committed heap and non-heap, the measure this test used to subtract;
 * these lines count in TMP1 when standard output is a file in the temporary folder).
 */
public final class SweepSoakMain {
    private SweepSoakMain() {
    }

    public static void main(String[] args) throws IOException {
        SweepSpec spec = SweepSpec.read(Path.of(args[0]));
        int warmUp = Integer.parseInt(args[1]);
        int every = args.length > 2 ? Integer.parseInt(args[2]) : 0;
        long[] before;
        long[] after;
        try (NgSpicePool pool = NgSpicePool.of(1)) {
            KljnEvaluator evaluator = new KljnEvaluator(pool);
            for (int i = 0; i < warmUp; i++) {
                evaluator.apply(spec.point(i));
            }
            before = measure();
            for (int i = warmUp; i < spec.size(); i++) {
                evaluator.apply(spec.point(i));
                if (every > 0 && (i + 1) % every == 0) {
                    NativeMemory m = NativeMemory.measure();
                    java.lang.management.MemoryMXBean mx = java.lang.management.ManagementFactory.getMemoryMXBean();
                    System.out.printf("at %d %d %d %d %d%n", i + 1, m.resident(), mx.getHeapMemoryUsage().getCommitted()
                            + mx.getNonHeapMemoryUsage().getCommitted(), m.jvmCommitted(), m.foreignMalloc());
                }
            }
            after = measure();
        }
        System.out.printf("soak %d %d %d %d %d %d %d %d %d %d %d %d%n", spec.size() - warmUp, before[0], after[0],
                before[1], after[1], before[2], after[2], before[3], after[3], Files.size(LibraryFiles.systemLibrary()),
                before[4], after[4]);
    }

    /**
     * Resident bytes, the JVM's committed bytes (NMT), bytes this process holds in the temporary folder, copies,
     * foreign malloc'd bytes.
     */
    private static long[] measure() {
        NativeMemory m = NativeMemory.measure();
        long[] tmp = temporaryBytes();
        return new long[] {m.resident(), m.jvmCommitted(), tmp[0], tmp[1], m.foreignMalloc()};
    }

    /**
     * What this process holds in the temporary folder: every file under it that the process maps or has open
     * (deleted or not: a deleted file still fills the disk until its last mapping goes), sized through
     * {@code /proc/self/map_files} and {@code /proc/self/fd}, plus the visible files of this process's own
     * {@code kljn-*-PID-*} folders. Returns {bytes, number of mapped ngspice library copies}.
     */
    static long[] temporaryBytes() {
        String tmp = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().normalize() + "/";
        Map<String, Long> files = new HashMap<>();
        long copies = 0;
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/maps"), StandardCharsets.ISO_8859_1)) {
                String[] f = line.trim().split("\\s+", 6);
                if (f.length == 6 && f[5].startsWith(tmp) && add(files, Path.of("/proc/self/map_files/" + f[0]))
                        && f[5].contains("libngspice")) {
                    copies++;
                }
            }
            try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
                for (Path fd : (Iterable<Path>) fds::iterator) {
                    try {
                        if (Files.readSymbolicLink(fd).toString().startsWith(tmp)) {
                            add(files, fd);
                        }
                    } catch (IOException e) {
                        // closed meanwhile (the listing's own descriptor, for one)
                    }
                }
            }
            String own = "-" + ProcessHandle.current().pid() + "-";
            try (Stream<Path> folders = Files.list(Path.of(tmp))) {
                for (Path folder : (Iterable<Path>) folders::iterator) {
                    String name = folder.getFileName().toString();
                    if (name.startsWith("kljn-") && name.contains(own) && Files.isDirectory(folder)) {
                        try (Stream<Path> walk = Files.walk(folder)) {
                            for (Path p : (Iterable<Path>) walk::iterator) {
                                if (Files.isRegularFile(p)) {
                                    add(files, p);
                                }
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new long[] {files.values().stream().mapToLong(Long::longValue).sum(), copies};
    }

    /** Records a file's size under its device and inode (a file mapped in several ranges, or open too, counts once). */
    private static boolean add(Map<String, Long> files, Path p) throws IOException {
        Map<String, Object> id = Files.readAttributes(p, "unix:dev,ino");
        return files.putIfAbsent(id.get("dev") + ":" + id.get("ino"), Files.size(p)) == null;
    }
}
