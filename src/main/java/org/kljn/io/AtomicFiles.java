package org.kljn.io;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file (text or bytes) through a temporary sibling and a rename, so that an interrupted run never leaves
 * a half-written file that looks whole. The one atomic writer of the project: CSV, JSON, HTML, PNG and SVG go
 * through it.
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /** Something that writes a file's whole content as text. */
    @FunctionalInterface
    public interface Content {
        void writeTo(Writer out) throws IOException;
    }

    /** Something that writes a file's whole content as bytes. */
    @FunctionalInterface
    private interface ByteContent {
        void writeTo(Path tmp) throws IOException;
    }

    /** Writes UTF-8 text produced by {@code content}. */
    public static void write(Path target, Content content) throws IOException {
        replace(target, tmp -> {
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                content.writeTo(w);
            }
        });
    }

    /** Writes {@code text} as UTF-8. */
    public static void writeString(Path target, String text) throws IOException {
        write(target, w -> w.write(text));
    }

    /** Writes {@code bytes}. */
    public static void writeBytes(Path target, byte[] bytes) throws IOException {
        replace(target, tmp -> Files.write(tmp, bytes));
    }

    private static void replace(Path target, ByteContent content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
        try {
            content.writeTo(tmp);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
