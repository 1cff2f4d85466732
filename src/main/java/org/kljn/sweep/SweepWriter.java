package org.kljn.sweep;

import org.kljn.io.Csv;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
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
 * The results file of a sweep: a {@link SweepStamp} line ({@code # kljn sweep fingerprint=... shard=i/n points=N}),
 * a CSV header, then one row per finished point, appended as points finish (in completion order; a finished shard is
 * rewritten in index order by {@link #sortByIndex}). Columns:
 * {@code index, key}, the {@link SweepSpec#parameterColumns() parameters}, the evaluator's result columns,
 * {@code status} ({@code ok} or {@code failed}) and {@code error} (the failure's message, empty when ok).
 * A failed point keeps its parameters, with empty result cells.
 *
 * <p>Each row goes to the file with a single write of the whole line, then an fsync, so a killed process leaves
 * at most a partial last line. {@link #open} with {@code resume} checks the stamp (the same sweep and shard), the
 * header and every row against the spec before it changes anything, then drops a partial last line, and reports the
 * finished points (ok or failed), which a resumed run skips. A file it did not write is refused untouched.
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
    private final SweepStamp stamp;
    private long length;
    private final List<String> header;
    private final List<String> resultColumns;
    private final BitSet finished;
    private final int finishedOk;
    private final int finishedFailed;
    private final long droppedBytes;
    private boolean closed;

    private SweepWriter(Path file, RandomAccessFile out, FileLock lock, SweepStamp stamp, List<String> header,
                        List<String> resultColumns, BitSet finished, int ok, int failed, long droppedBytes)
            throws IOException {
        this.file = file;
        this.stamp = stamp;
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
     * The full header of {@code spec}'s sweep with these result columns.
     *
     * @throws IllegalArgumentException for a blank, repeated or reserved result column name
     */
    public static List<String> header(SweepSpec spec, List<String> resultColumns) {
        List<String> h = new ArrayList<>(LEAD_COLUMNS);
        h.addAll(spec.parameterColumns());
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

    /** The first two lines of a results file: its {@link SweepStamp} and the column header. */
    static String preamble(SweepStamp stamp, List<String> header) {
        return stamp.line() + "\n" + Csv.line(header);
    }

    /**
     * Opens the results file of {@code spec}'s {@code shard}.
     *
     * @param resume false: the file must not exist (or be empty); true: continue it (a missing file starts anew).
     *               Only a file this sweep wrote is continued: its first line must be this shard's
     *               {@link SweepStamp}; anything else is refused before a byte of it changes
     * @throws FileAlreadyExistsException when the file has content and {@code resume} is false
     * @throws IllegalStateException      when resuming a file that is not this sweep's (or shard's)
     */
    public static SweepWriter open(Path file, SweepSpec spec, Shard shard, List<String> resultColumns, boolean resume)
            throws IOException {
        List<String> header = header(spec, resultColumns);
        SweepStamp stamp = SweepStamp.of(spec, shard);
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
            long size = raf.length();
            if (size > 0 && !resume) {
                throw new FileAlreadyExistsException(file.toString(), null,
                        "the results file exists; continue it with --resume, or remove it");
            }
            BitSet finished = new BitSet();
            int[] counts = new int[2];
            long end = 0;
            if (size > 0) {
                // read through the locked descriptor, never closed here: closing another would drop the lock
                InputStream in = new java.io.BufferedInputStream(
                        java.nio.channels.Channels.newInputStream(raf.getChannel().position(0)), 1 << 16);
                end = check(file, in, stamp, header, spec, finished, counts);
            }
            if (end < size) {
                raf.setLength(end); // a torn last row (or a torn first line of ours): checked above, so ours
                raf.getFD().sync();
            }
            SweepWriter w = new SweepWriter(file, raf, lock, stamp, header, List.copyOf(resultColumns), finished,
                    counts[0], counts[1], size - end);
            if (end == 0) {
                w.append(preamble(stamp, header));
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

    /** Reads '\n'-ended lines of UTF-8 from a stream, keeping the byte offset after the last whole line. */
    static final class Lines {
        private final InputStream in;
        private final java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();
        private long offset;

        Lines(InputStream in) {
            this.in = in;
        }

        /** The next whole line without its '\n', or null at the end (then {@link #tornText} holds any bytes left). */
        String next() throws IOException {
            line.reset();
            for (int b; (b = in.read()) >= 0; ) {
                if (b == '\n') {
                    offset += line.size() + 1;
                    return line.toString(StandardCharsets.UTF_8);
                }
                line.write(b);
            }
            return null;
        }

        /** The bytes of a last line without '\n' (after {@link #next} returned null). */
        String tornText() {
            return line.toString(StandardCharsets.UTF_8);
        }

        long offset() {
            return offset;
        }
    }

    /**
     * Checks an existing results file against this sweep's shard and collects its finished points; {@code counts}
     * gets the ok and failed counts. Also used by {@link SweepStatus}, which reads without writing.
     *
     * @return the byte offset after the last whole row: what a resume keeps (0: a file torn inside its first lines,
     *         which are then written again)
     * @throws IllegalStateException naming the file (and line) when it is not this sweep's shard's results file
     */
    static long check(Path file, InputStream in, SweepStamp expected, List<String> header, SweepSpec spec,
                      BitSet finished, int[] counts) throws IOException {
        Lines lines = new Lines(in);
        String first = lines.next();
        String preamble = preamble(expected, header);
        if (first == null) {
            String torn = lines.tornText();
            if (torn.length() >= SweepStamp.PREFIX.length() && preamble.startsWith(torn)) {
                return 0; // killed while writing its first line: ours
            }
            throw notASweepFile(file, torn);
        }
        SweepStamp found = SweepStamp.parse(first);
        if (found == null) {
            throw notASweepFile(file, first);
        }
        String second = lines.next();
        if (second == null) {
            if (preamble.startsWith(first + "\n" + lines.tornText()) && found.equals(expected)) {
                return 0; // killed while writing its header
            }
            throw new IllegalStateException(file + ":2: no column header; it cannot be resumed; nothing written");
        }
        List<String> cols = parseLine(file, 2, second);
        if (!cols.equals(header)) {
            throw new IllegalStateException(file + ": its columns are not this sweep's, so it cannot be resumed: "
                    + firstDifference(cols, header) + "; use another output file or remove this one; nothing written");
        }
        int statusCol = header.size() - 2;
        int lineNo = 2;
        for (String row; (row = lines.next()) != null; ) {
            lineNo++;
            List<String> cells = parseLine(file, lineNo, row);
            if (cells.size() != header.size()) {
                throw new IllegalStateException(file + ":" + lineNo + ": has " + cells.size() + " cells, the header "
                        + header.size());
            }
            int index = pointIndex(file, lineNo, cells, spec);
            String status = cells.get(statusCol);
            if (!status.equals("ok") && !status.equals("failed")) {
                throw new IllegalStateException(file + ":" + lineNo + ": status '" + status + "'; expected ok or failed");
            }
            if (finished.get(index)) {
                throw new IllegalStateException(file + ":" + lineNo + ": point " + index + " appears twice");
            }
            if (!expected.shard().contains(index)) {
                throw new IllegalStateException(file + ":" + lineNo + ": holds point " + index + ", which belongs to"
                        + " shard " + (index % expected.shard().count() + 1) + "/" + expected.shard().count() + ", not "
                        + expected.shard());
            }
            finished.set(index);
            counts[status.equals("ok") ? 0 : 1]++;
        }
        String why = found.difference(expected);
        if (why != null) {
            throw new IllegalStateException(file + ": " + why + "; it cannot be resumed with this spec; nothing"
                    + " written (use another output file, or remove this one to start over)");
        }
        return lines.offset();
    }

    /**
     * The point a results row holds (its first two cells: index and key), checked against the spec: an integer index
     * within the sweep, whose point has that key.
     */
    private static int pointIndex(Path file, int lineNo, List<String> cells, SweepSpec spec) {
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
        return index;
    }

    private static IllegalStateException notASweepFile(Path file, String firstLine) {
        String shown = firstLine.length() > 60 ? firstLine.substring(0, 60) + "..." : firstLine;
        return new IllegalStateException(file + ": not a results file of kljn sweep (its first line is '"
                + shown.replaceAll("\\p{Cntrl}", "?") + "', not '" + SweepStamp.PREFIX + "fingerprint=...'); a resume"
                + " continues only a file the same sweep wrote; nothing written (use another output file)");
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

    /**
     * Rewrites the file with its rows in point-index order (as {@link SweepMerge} writes them), atomically, when they
     * are not in that order already; for a shard whose every point has a row. Keeps an offset per row (8 bytes a
     * point), not the rows.
     */
    public synchronized void sortByIndex() throws IOException {
        if (closed) {
            return;
        }
        Shard shard = stamp.shard();
        long[] at = new long[shard.size(stamp.points())];
        java.util.Arrays.fill(at, -1);
        java.nio.channels.FileChannel ch = out.getChannel();
        Lines lines = new Lines(new java.io.BufferedInputStream(java.nio.channels.Channels.newInputStream(ch.position(0)),
                1 << 16));
        lines.next();
        lines.next();
        boolean sorted = true;
        int last = -1;
        long start = lines.offset();
        for (String row; (row = lines.next()) != null; start = lines.offset()) {
            int index = Integer.parseInt(row.substring(0, row.indexOf(',')));
            at[(index - (shard.index() - 1)) / shard.count()] = start;
            sorted &= index > last;
            last = index;
        }
        if (sorted) {
            return;
        }
        for (long a : at) {
            if (a < 0) {
                return; // not every point has a row: nothing to sort yet
            }
        }
        byte[] preamble = preamble(stamp, header).getBytes(StandardCharsets.UTF_8);
        org.kljn.io.AtomicFiles.writeBytes(file, os -> {
            os.write(preamble);
            java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate(1 << 14);
            for (long a : at) {
                long pos = a;
                while (true) { // copy the row at a, up to and with its '\n'
                    buf.clear();
                    int n = ch.read(buf, pos);
                    if (n <= 0) {
                        throw new IOException(file + ": changed while it was being sorted");
                    }
                    int nl = -1;
                    for (int i = 0; i < n && nl < 0; i++) {
                        nl = buf.get(i) == '\n' ? i : -1;
                    }
                    os.write(buf.array(), 0, nl < 0 ? n : nl + 1);
                    if (nl >= 0) {
                        break;
                    }
                    pos += n;
                }
            }
        });
    }

    @Override
    public synchronized void close() throws IOException {
        if (!closed) {
            closed = true;
            out.close(); // releases the lock
        }
    }
}
