package org.kljn.sweep.slurm;

import org.kljn.sweep.SubcktRef;
import org.kljn.sweep.SweepSpec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The spec and every file it reads, carried beside the Slurm sweep's jar (issue 22 item 18): the array tasks and the
 * merge job read these copies, so a spec or subcircuit edited, moved or deleted after submission cannot change a
 * queued task's points, and a node needs nothing but the sweep folder.
 *
 * <p>The spec is copied byte for byte and each subckt file to the same path relative to the copy as to the
 * original, so the copy parses to the same points with the same fingerprint (which covers the file names as written
 * and their contents). The copies go to {@code slurm/spec-FINGERPRINT/}: written in a temporary folder and moved
 * into place whole, so a task never sees half of them, and a resume of the same sweep finds them already there.
 */
public final class SpecCopy {
    private SpecCopy() {
    }

    /**
     * Copies {@code spec} (read as {@code sweep}) and its subckt files into {@code slurmDir}; returns the copied spec.
     *
     * @throws IllegalArgumentException for a subckt file named by an absolute path (the copy could not keep the
     *                                  spec's text, hence its fingerprint)
     */
    public static Path carry(Path spec, SweepSpec sweep, Path slurmDir) throws IOException {
        int up = 0;
        for (SubcktRef f : sweep.files()) {
            Path written = Path.of(f.file());
            if (written.isAbsolute()) {
                throw new IllegalArgumentException("--slurm: the spec's subckt file '" + f.file() + "' is an absolute"
                        + " path; a Slurm sweep carries the spec and its files beside the jar, so name it relative to"
                        + " the spec's folder (" + spec.toAbsolutePath().getParent() + ")");
            }
            int n = 0;
            for (Path part : written.normalize()) {
                if (!part.toString().equals("..")) {
                    break;
                }
                n++;
            }
            up = Math.max(up, n);
        }
        Path root = slurmDir.resolve("spec-" + sweep.fingerprint().substring(0, 16));
        // the spec sits as many folders deep as its deepest '../' climbs, so every relative name stays inside root
        Path specDir = root;
        for (int i = 0; i < up; i++) {
            specDir = specDir.resolve("d");
        }
        Path copy = specDir.resolve(spec.getFileName());
        if (Files.isDirectory(root)) {
            // named by the fingerprint: the same points from the same file contents; a damaged copy is refused below
            check(copy, sweep);
            return copy;
        }
        Files.createDirectories(slurmDir);
        Path tmp = Files.createTempDirectory(slurmDir, ".spec-copy-");
        try {
            Path tmpSpecDir = tmp.resolve(root.relativize(specDir).toString());
            Files.createDirectories(tmpSpecDir);
            Files.copy(spec, tmpSpecDir.resolve(spec.getFileName()));
            for (SubcktRef f : sweep.files()) {
                Path target = tmpSpecDir.resolve(f.file()).normalize();
                if (!Files.exists(target)) {
                    Files.createDirectories(target.getParent());
                    Files.copy(f.path(), target);
                }
            }
            Files.move(tmp, root, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            deleteTree(tmp);
        }
        check(copy, sweep);
        return copy;
    }

    /** The copy must read as the same sweep (an original edited while it was copied gives another fingerprint). */
    private static void check(Path copy, SweepSpec sweep) throws IOException {
        String copied;
        try {
            copied = SweepSpec.read(copy).fingerprint();
        } catch (IOException | IllegalArgumentException e) {
            throw new IOException("the sweep's copy of its spec, " + copy + ", cannot be read (" + e.getMessage()
                    + "); remove " + copy.getParent() + " and submit again", e);
        }
        if (!copied.equals(sweep.fingerprint())) {
            throw new IOException("the sweep's copy of its spec, " + copy + ", is not the spec given (a file changed"
                    + " while it was copied, or the copy was edited); remove its folder and submit again");
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
