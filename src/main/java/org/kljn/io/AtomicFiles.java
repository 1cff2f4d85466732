package org.kljn.io;

import java.io.BufferedWriter;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a file (text or bytes) through a temporary sibling and a rename, so that an interrupted run never leaves a
 * half-written file that looks whole. The one atomic writer of the project: CSV, JSON, HTML, PNG and SVG go
 * through it.
 *
 * <p>The temporary file is created with the default permissions (so the result honours the umask, like any file
 * the user creates; {@code Files.createTempFile} would make it 0600), synced before the rename, and on any
 * failure closed and removed: a full disk leaves no open deleted file behind, and the message names the file.
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /** Something that writes a file's whole content. */
    @FunctionalInterface
    public interface Content {
        void writeTo(Writer out) throws IOException;
    }

    /** Something that writes a file's whole content as bytes. */
    @FunctionalInterface
    public interface ByteContent {
        void writeTo(OutputStream out) throws IOException;
    }

    public static void write(Path target, Content content) throws IOException {
        writeBytes(target, os -> {
            // closing this writer must not be what closes the stream: a failed final flush would skip that
            Writer w = new BufferedWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8));
            content.writeTo(w);
            w.flush();
        });
    }

    public static void writeString(Path target, String text) throws IOException {
        write(target, w -> w.write(text));
    }

    /** Writes {@code bytes} atomically (see the class comment). */
    public static void writeBytes(Path target, byte[] bytes) throws IOException {
        writeBytes(target, out -> out.write(bytes));
    }

    /** Writes bytes atomically (see the class comment). */
    public static void writeBytes(Path target, ByteContent content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        if (Files.isDirectory(target)) {
            throw new FileSystemException(target.toString(), null, "is a folder, not a file");
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw named("cannot create the folder " + dir + " for " + target, e);
        }
        Path tmp = null;
        for (int attempt = 0; tmp == null; attempt++) {
            Path candidate = dir.resolve("." + target.getFileName() + "."
                    + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + ".tmp");
            try {
                tmp = Files.createFile(candidate);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                if (attempt > 10) {
                    throw e;
                }
            } catch (IOException e) {
                throw named("cannot write " + target, e);
            }
        }
        try {
            try (FileOutputStream fos = new FileOutputStream(tmp.toFile())) {
                OutputStream buffered = new java.io.BufferedOutputStream(fos, 1 << 16);
                content.writeTo(buffered);
                buffered.flush();
                fos.getFD().sync();
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw named("cannot write " + target, e);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Makes sure files can be written into {@code dir} (creating it), by creating and removing a probe file there:
     * a command calls this before its computation, so that an unwritable output (a read-only folder, /proc) fails
     * at once and not after the whole job.
     *
     * @param option names the option in the message ({@code --out})
     * @throws IOException naming the option, the folder and the cause, with "nothing computed"
     */
    public static void checkWritableFolder(String option, Path dir) throws IOException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new FileSystemException(option + " " + dir, null, "is a file, not a folder; nothing computed");
        }
        try {
            Files.createDirectories(dir);
            Path probe = Files.createTempFile(dir, ".kljn-probe", ".tmp");
            Files.delete(probe);
        } catch (IOException e) {
            throw new IOException(option + " " + dir + ": cannot write there (" + reason(e) + "); nothing computed", e);
        }
    }

    /** An I/O failure as "what: cause", keeping its type for callers that test it. */
    static IOException named(String what, IOException e) {
        String reason = reason(e);
        if (reason != null && what.contains(reason)) {
            return e;
        }
        IOException wrapped = new IOException(what + ": " + reason, e);
        return wrapped;
    }

    private static String reason(IOException e) {
        return e instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason()
                : e instanceof java.nio.file.NoSuchFileException ? "no such file or folder"
                : e instanceof java.nio.file.AccessDeniedException ? "permission denied"
                : e.getMessage();
    }
}
