package org.kljn.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One writer per output folder: an OS lock on a hidden file in it, held for the whole run, as a sweep holds its
 * results file and a map its folder. Two runs writing one folder would replace each other's files.
 */
public final class FolderLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private FolderLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Locks {@code folder} (created if missing) through {@code folder/lockName}.
     *
     * @param what the writer, for the message ("kljn run")
     * @throws IOException when another process (or this one) holds the lock, naming the folder and the holder
     */
    public static FolderLock acquire(Path folder, String lockName, String what) throws IOException {
        Files.createDirectories(folder);
        Path file = folder.resolve(lockName);
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = ch.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        } catch (IOException e) {
            ch.close();
            throw new IOException("cannot lock " + file + " (" + e.getMessage() + "); the output folder must be on a"
                    + " file system with locks, so that two writers never replace each other's files", e);
        }
        if (lock == null) {
            ch.close();
            long holder = holder(file);
            throw new IOException(folder + " is being written by another " + what
                    + (holder > 0 ? " (process " + holder + " holds " + file + ")" : "")
                    + "; two of them would replace each other's files: wait for it, or write to another folder");
        }
        return new FolderLock(ch, lock);
    }

    /** The process holding a POSIX lock on {@code file}, from {@code /proc/locks}, or -1 if unknown. */
    public static long holder(Path file) {
        try {
            Object ino = Files.getAttribute(file, "unix:ino");
            for (String line : Files.readAllLines(Path.of("/proc/locks"))) {
                // "1: POSIX  ADVISORY  WRITE 12345 08:01:1234567 0 EOF"
                String[] f = line.trim().split("\\s+");
                if (f.length >= 6 && f[1].equals("POSIX") && f[5].endsWith(":" + ino)) {
                    return Long.parseLong(f[4]);
                }
            }
        } catch (IOException | RuntimeException e) {
            // no /proc or no unix attributes: the message then names no process
        }
        return -1;
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
