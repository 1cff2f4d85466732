package org.kljn.sweep.slurm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.kljn.io.AtomicFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What {@code kljn sweep --slurm} submitted into a sweep folder, kept in {@code DIR/slurm/sweep.json}: the spec,
 * its size, the shard count and every submission's job ids. {@code kljn status DIR} reads the spec and shard count
 * from it; {@code --resume} checks that it continues the same sweep and that no earlier task is still queued.
 *
 * @param spec        the spec file (absolute)
 * @param points      points in the sweep
 * @param shards      array tasks (shards)
 * @param submissions in order
 */
public record SlurmManifest(String spec, int points, int shards, List<Submission> submissions) {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public SlurmManifest {
        submissions = List.copyOf(submissions);
    }

    /**
     * One submission.
     *
     * @param arrayJob  the array's job id
     * @param mergeJob  the merge job's id
     * @param tasks     the array range submitted (e.g. {@code 1-8}, or {@code 3,5} on resume)
     * @param submitted UTC time
     */
    public record Submission(String arrayJob, String mergeJob, String tasks, String submitted) {
    }

    /** The manifest's place in a sweep folder. */
    public static Path file(Path dir) {
        return dir.resolve("slurm").resolve("sweep.json");
    }

    /** The folder's manifest, if it has one. */
    public static Optional<SlurmManifest> read(Path dir) throws IOException {
        Path f = file(dir);
        if (!Files.exists(f)) {
            return Optional.empty();
        }
        try {
            return Optional.of(MAPPER.readValue(f.toFile(), SlurmManifest.class));
        } catch (IOException e) {
            throw new IOException(f + ": not a kljn Slurm manifest (" + e.getMessage().lines().findFirst().orElse("") + ")", e);
        }
    }

    /** This manifest with one more submission. */
    public SlurmManifest with(Submission s) {
        List<Submission> all = new ArrayList<>(submissions);
        all.add(s);
        return new SlurmManifest(spec, points, shards, all);
    }

    /** Writes it atomically. */
    public void write(Path dir) throws IOException {
        AtomicFiles.writeString(file(dir), MAPPER.writeValueAsString(this) + "\n");
    }
}
