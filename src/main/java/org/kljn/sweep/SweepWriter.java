package org.kljn.sweep;

import org.kljn.io.Csv;

import java.io.Closeable;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The results file of a sweep: a CSV with a header, then one row per finished point, appended as points finish
 * (so in completion order, not index order; {@link SweepMerge} sorts). Columns:
 * {@code index, key}, the {@link SweepPoint#PARAMETER_COLUMNS parameters}, the evaluator's result columns,
 * {@code status} ({@code ok} or {@code failed}) and {@code error} (the failure's message, empty when ok).
 * A failed point keeps its parameters, with empty result cells.
 *
 * <p>Each row goes to the file with a single write of the whole line, then an fsync, so a killed process leaves
 * at most a partial last line. {@link #open} with {@code resume} checks the header and every row against the
 * spec, drops a partial last line, and reports the finished points (ok or failed), which a resumed run skips.
 * Thread-safe.
 */
public final class SweepWriter implements Closeable {
    /** The columns before the parameters. */
    public static final List<String> LEAD_COLUMNS = List.of("index", "key");
    /** The columns after the results. */
    public static final List<String> TAIL_COLUMNS = List.of("status", "error");

    private final Path file;
    /** Read, truncated and appended through this one descriptor: closing any other descriptor of the file in
     * this process would drop the POSIX lock. Its stream methods are not interruptible, unlike a FileChannel's. */
    private final RandomAccessFile out;
    private final FileLock lock;
    private long length;
    private final List<String> header;
    private final List<String> resultColumns;
    private final BitSet finished;
    private final int finishedOk;
    private final int finishedFailed;
    private final long droppedBytes;
    private boolean closed;

    private SweepWriter(Path file, RandomAccessFile out, FileLock lock, List<String> header,
                        List<String> resultColumns, BitSet finished, int ok, int failed, long droppedBytes)
            throws IOException {
        this.file = file;
        this.out = out;
        this.lock = lock;
        this.length = out.length();
        this.header = header;
        this.resultColumns = resultColumns;
        this.finished = finished;
        this.finishedOk = ok;
        this.finishedFailed = failed;
        this.droppedBytes = droppedBytes;
    }

    /**
     * The full header for these result columns.
     *
     * @throws IllegalArgumentException for a blank, repeated or reserved result column name
     */
    public static List<String> header(List<String> resultColumns) {
        List<String> h = new ArrayList<>(LEAD_COLUMNS);
        h.addAll(SweepPoint.PARAMETER_COLUMNS);
        Set<String> taken = new HashSet<>(h);
        taken.addAll(TAIL_COLUMNS);
        for (String c : resultColumns) {
            if (c == null || c.isBlank()) {
                throw new IllegalArgumentException("result column names must not be blank: " + resultColumns);
            }
            if (!taken.add(c)) {
                throw new IllegalArgumentException("result column '" + c + "' repeats a column name (reserved: "
                        + String.join(", ", h) + ", " + String.join(", ", TAIL_COLUMNS) + ")");
            }
        }
        h.addAll(resultColumns);
        h.addAll(TAIL_COLUMNS);
        return List.copyOf(h);
    }

    /**
     * Opens the results file of {@code spec}.
     *
     * @param resume false: the file must not exist (or be empty); true: continue it (a missing file starts anew)
     * @throws FileAlreadyExistsException when the file has content and {@code resume} is false
     * @throws IllegalStateException      when resuming a file whose header or rows do not belong to this sweep
     */
    public static SweepWriter open(Path file, SweepSpec spec, List<String> resultColumns, boolean resume)
            throws IOException {
        List<String> header = header(resultColumns);
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        if (Files.isDirectory(file)) {
            throw new FileSystemException(file.toString(), null, "is a folder; the results file must be a file");
        }
        RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw");
        FileLock lock = null;
        try {
            lock = lockOrRefuse(file, raf);
            byte[] bytes = new byte[Math.toIntExact(raf.length())];
            raf.readFully(bytes);
            boolean hasContent = bytes.length > 0;
            if (hasContent && !resume) {
                throw new FileAlreadyExistsException(file.toString(), null,
                        "the results file exists; continue it with --resume, or remove it");
            }
            BitSet finished = new BitSet();
            int[] counts = new int[2];
            int end = lastNewline(bytes) + 1;
            long dropped = bytes.length - end;
            if (end > 0) {
                check(file, new String(bytes, 0, end, StandardCharsets.UTF_8), header, resultColumns, spec, finished,
                        counts);
            }
            if (dropped > 0) {
                raf.setLength(end);
                raf.getFD().sync();
            }
            SweepWriter w = new SweepWriter(file, raf, lock, header, List.copyOf(resultColumns), finished, counts[0],
                    counts[1], dropped);
            if (end == 0) {
                w.append(Csv.line(header));
            }
            return w;
        } catch (IOException | RuntimeException e) {
            raf.close(); // releases the lock
            throw e;
        }
    }

    /**
     * Takes the OS lock on the results file for the whole run, or refuses: two sweeps (a second {@code --resume}, a
     * requeued cluster task) appending to one file would write points twice and leave it neither resumable nor
     * mergeable.
     */
    private static FileLock lockOrRefuse(Path file, RandomAccessFile raf) throws IOException {
        FileLock lock;
        try {
            lock = raf.getChannel().tryLock();
        } catch (OverlappingFileLockException e) {
            throw new OutputLockedException(file, ProcessHandle.current().pid());
        } catch (IOException e) {
            throw new IOException("cannot lock " + file + " (" + e.getMessage() + "); a results file must be on a"
                    + " file system with locks, so that two sweeps never write it at once", e);
        }
        if (lock == null) {
            throw new OutputLockedException(file, lockHolder(file));
        }
        return lock;
    }

    /** The process holding a POSIX lock on {@code file}, or -1 if unknown. */
    static long lockHolder(Path file) {
        return org.kljn.io.FolderLock.holder(file);
    }

    /** Another sweep (this or another process) holds the results file's lock. */
    public static final class OutputLockedException extends IOException {
        private static final long serialVersionUID = 1L;
        private final long holderPid;

        OutputLockedException(Path file, long holderPid) {
            super(file + " is being written by another sweep"
                    + (holderPid == ProcessHandle.current().pid() ? " in this process"
                    : holderPid > 0 ? " (process " + holderPid + " holds its lock)" : "")
                    + "; two sweeps on one results file would write points twice: wait for that one to finish"
                    + " (then --resume), or write to another file");
            this.holderPid = holderPid;
        }

        /** The process holding the lock, or -1 if unknown. */
        public long holderPid() {
            return holderPid;
        }
    }

    private static int lastNewline(byte[] b) {
        for (int i = b.length - 1; i >= 0; i--) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /**
     * Checks the whole lines of an existing file and collects its finished points; {@code counts} gets the ok and
     * failed counts. Also used by {@link SweepStatus}, which reads without writing.
     */
    static void check(Path file, String text, List<String> header, List<String> resultColumns,
                              SweepSpec spec, BitSet finished, int[] counts) {
        String[] lines = text.split("\n", -1);
        List<String> found = parseLine(file, 1, lines[0]);
        if (!found.equals(header)) {
            throw new IllegalStateException(file + ": its columns are not this sweep's, so it cannot be resumed: "
                    + firstDifference(found, header) + "; use another output file or remove this one");
        }
        int statusCol = header.size() - 2;
        for (int i = 1; i < lines.length - 1; i++) {
            int lineNo = i + 1;
            List<String> cells = parseLine(file, lineNo, lines[i]);
            if (cells.size() != header.size()) {
                throw new IllegalStateException(file + ":" + lineNo + ": has " + cells.size() + " cells, the header "
                        + header.size());
            }
            int index;
            try {
                index = Integer.parseInt(cells.get(0));
            } catch (NumberFormatException e) {
                throw new IllegalStateException(file + ":" + lineNo + ": index '" + cells.get(0) + "' is not an integer");
            }
            if (index < 0 || index >= spec.size()) {
                throw new IllegalStateException(file + ":" + lineNo + ": point " + index + " is outside this sweep's "
                        + spec.size() + " points; the spec changed since the file was written");
            }
            String key = spec.point(index).key();
            if (!key.equals(cells.get(1))) {
                throw new IllegalStateException(file + ":" + lineNo + ": point " + index + " has key '" + cells.get(1)
                        + "' but the spec gives '" + key + "'; the spec changed since the file was written");
            }
            String status = cells.get(statusCol);
            if (!status.equals("ok") && !status.equals("failed")) {
                throw new IllegalStateException(file + ":" + lineNo + ": status '" + status + "'; expected ok or failed");
            }
            if (finished.get(index)) {
                throw new IllegalStateException(file + ":" + lineNo + ": point " + index + " appears twice");
            }
            finished.set(index);
            counts[status.equals("ok") ? 0 : 1]++;
        }
    }

    private static List<String> parseLine(Path file, int lineNo, String line) {
        try {
            return Csv.parse(line);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(file + ":" + lineNo + ": not a sweep CSV row (" + e.getMessage() + ")", e);
        }
    }

    /** Where two headers first differ, for messages. */
    static String firstDifference(List<String> found, List<String> expected) {
        for (int i = 0; i < Math.max(found.size(), expected.size()); i++) {
            String f = i < found.size() ? found.get(i) : "(none)";
            String e = i < expected.size() ? expected.get(i) : "(none)";
            if (!f.equals(e)) {
                return "column " + (i + 1) + " is '" + f + "' in the file but '" + e + "' for this sweep (file: "
                        + found.size() + " columns, sweep: " + expected.size() + ")";
            }
        }
        return "same columns";
    }

    /** The points already in the file when it was opened (ok or failed). */
    public BitSet finished() {
        return (BitSet) finished.clone();
    }

    /** How many points the file held when opened, by status. */
    public int finishedOk() {
        return finishedOk;
    }

    public int finishedFailed() {
        return finishedFailed;
    }

    /** Bytes of a partial last line dropped on opening (0 when the file ended cleanly). */
    public long droppedBytes() {
        return droppedBytes;
    }

    public Path file() {
        return file;
    }

    public List<String> header() {
        return header;
    }

    /**
     * The result cells of an evaluator's map, in result-column order; a missing column is an empty cell.
     *
     * @throws IllegalArgumentException when the map has a key that is not a result column
     */
    public List<String> resultCells(Map<String, ?> result) {
        for (String k : result.keySet()) {
            if (!resultColumns.contains(k)) {
                throw new IllegalArgumentException("the evaluator returned '" + k + "', which is not a result column "
                        + resultColumns);
            }
        }
        List<String> cells = new ArrayList<>(resultColumns.size());
        for (String c : resultColumns) {
            cells.add(Csv.cell(result.get(c)));
        }
        return cells;
    }

    /** The row of a finished point; {@code resultCells} from {@link #resultCells}. */
    public String okRow(SweepPoint p, List<String> resultCells) {
        return row(p, resultCells, "ok", "");
    }

    /** The row of a failed point: parameters, empty results, the reason. */
    public String failedRow(SweepPoint p, String error) {
        return row(p, java.util.Collections.nCopies(resultColumns.size(), ""), "failed", error == null ? "" : error);
    }

    /** The row of a point that failed after computing some results ({@code resultCells} from {@link #resultCells}). */
    public String failedRow(SweepPoint p, List<String> resultCells, String error) {
        return row(p, resultCells, "failed", error == null ? "" : error);
    }

    private String row(SweepPoint p, List<String> results, String status, String error) {
        List<String> cells = new ArrayList<>(header.size());
        cells.add(Integer.toString(p.index()));
        cells.add(p.key());
        cells.addAll(p.parameterCells());
        cells.addAll(results);
        cells.add(status);
        cells.add(error);
        return Csv.line(cells);
    }

    /**
     * Appends a row (from {@link #okRow} or {@link #failedRow}) with one write and an fsync.
     *
     * @return false when the writer is already closed (the row is dropped)
     */
    public synchronized boolean append(String row) throws IOException {
        if (closed) {
            return false;
        }
        byte[] bytes = row.getBytes(StandardCharsets.UTF_8);
        try {
            out.seek(length);
            out.write(bytes);
            out.getFD().sync();
            length += bytes.length;
        } catch (IOException e) {
            // a full disk: take back the part of the row that reached the file, so rows stay whole
            try {
                out.setLength(length);
            } catch (IOException ignored) {
                // the resume of a later run drops a partial last line
            }
            throw new IOException("cannot append a row to " + file + ": " + e.getMessage()
                    + " (the rows before it are kept; fix the cause and run again with --resume)", e);
        }
        return true;
    }

    @Override
    public synchronized void close() throws IOException {
        if (!closed) {
            closed = true;
            out.close(); // releases the lock
        }
    }
}
