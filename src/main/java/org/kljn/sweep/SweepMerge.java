package org.kljn.sweep;

import org.kljn.io.Csv;

import org.kljn.io.AtomicFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Joins the results files of a sweep's shards into one file sorted by point index, written atomically (temporary
 * file and rename) to a file that is none of the inputs. Rows are copied byte for byte; the result is stamped as the
 * whole sweep ({@link SweepStamp}, shard 1/1), as an unsharded run would write it. Each input's stamp says which
 * sweep and shard it holds, so that without the spec a merge still refuses, with the file and line named: a file
 * no sweep wrote, parts of different sweeps or splits, a shard missing or unfinished (a point missing), a shard
 * given twice, differing headers, a partial last line (a killed shard: finish it with {@code --resume} first), a
 * malformed row, an index that appears twice or outside its shard.
 */
public final class SweepMerge {
    private SweepMerge() {
    }

    /**
     * What a merge wrote.
     *
     * @param rows    rows written
     * @param ok      of those, with status ok
     * @param failed  with status failed
     * @param indices the point indices present
     */
    public record Result(int rows, int ok, int failed, BitSet indices) {
        public Result {
            indices = (BitSet) indices.clone();
        }

        @Override
        public BitSet indices() {
            return (BitSet) indices.clone();
        }

        /** The indices below {@code gridSize} that no input holds. */
        public List<Integer> missing(int gridSize) {
            List<Integer> m = new ArrayList<>();
            for (int i = indices.nextClearBit(0); i < gridSize; i = indices.nextClearBit(i + 1)) {
                m.add(i);
            }
            return m;
        }
    }

    private record Row(Path file, int line, String text) {
    }

    /**
     * Merges {@code inputs}, every shard of one sweep, into {@code out} (not one of the inputs).
     *
     * @throws IllegalArgumentException naming the file and line of the first problem
     */
    public static Result merge(List<Path> inputs, Path out) throws IOException {
        return merge(inputs, out, null, null);
    }

    /**
     * Merges the shards of {@code spec}'s sweep into {@code out}, checking before writing anything that they are
     * this sweep's (its columns, and each row's key is the spec's key for that index) and that together they hold
     * every point: a merge of a partial sweep (a shard missing or unfinished, as when an array task was killed)
     * is refused, naming the missing points, instead of silently writing fewer rows.
     *
     * @param resultColumns the sweep's result columns (its evaluator's)
     * @throws IllegalArgumentException naming the file and line of the first problem, or the missing points
     */
    public static Result mergeComplete(List<Path> inputs, Path out, SweepSpec spec, List<String> resultColumns)
            throws IOException {
        return merge(inputs, out, java.util.Objects.requireNonNull(spec), SweepWriter.header(spec, resultColumns));
    }

    private static Result merge(List<Path> inputs, Path out, SweepSpec spec, List<String> expectedHeader)
            throws IOException {
        checkInputs(inputs, out);
        Parts parts = new Parts(inputs, spec, expectedHeader);
        for (Path in : inputs) {
            parts.read(in);
        }
        parts.checkFingerprint();
        parts.checkComplete();
        SweepStamp first = parts.first;
        String head = new SweepStamp(first.fingerprint(), Shard.ALL, first.points()).line() + "\n" + parts.header;
        AtomicFiles.write(out, w -> {
            w.write(head);
            w.write('\n');
            for (Row r : parts.rows.values()) {
                w.write(r.text);
                w.write('\n');
            }
        });
        BitSet present = new BitSet();
        parts.rows.keySet().forEach(present::set);
        return new Result(parts.rows.size(), parts.ok, parts.failed, present);
    }

    /** Refuses an empty list of inputs, and an output that is one of them. */
    private static void checkInputs(List<Path> inputs, Path out) throws IOException {
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("merge: no input files");
        }
        for (Path in : inputs) {
            if (Files.exists(out) && Files.exists(in) && Files.isSameFile(in, out)) {
                throw new IllegalArgumentException("merge: --out " + out + " is also an input (" + in + "); the merge"
                        + " writes a new file: give another --out; nothing written");
            }
        }
    }

    /**
     * The inputs read so far: the first file's stamp and header (every later file must agree), the file of each
     * shard, and the rows by point index with their status counts. Lives for one merge; checks each file as it reads
     * it, in the order the class comment lists.
     */
    private static final class Parts {
        private final List<Path> inputs;
        private final SweepSpec spec;
        private final List<String> expectedHeader;
        private String header;
        private Path headerFile;
        private SweepStamp first;
        private final Map<Integer, Path> shardFiles = new TreeMap<>();
        private final Map<Integer, Row> rows = new TreeMap<>();
        private int ok;
        private int failed;

        Parts(List<Path> inputs, SweepSpec spec, List<String> expectedHeader) {
            this.inputs = inputs;
            this.spec = spec;
            this.expectedHeader = expectedHeader;
        }

        /** Reads one shard's file: its stamp, its header, then its rows. */
        void read(Path in) throws IOException {
            String text = Files.readString(in, StandardCharsets.UTF_8);
            if (text.isEmpty()) {
                throw new IllegalArgumentException(in + ": empty file; expected a sweep CSV with a header");
            }
            if (!text.endsWith("\n")) {
                int lines = (int) text.chars().filter(c -> c == '\n').count() + 1;
                throw new IllegalArgumentException(in + ":" + lines + ": partial last line (the run was killed);"
                        + " finish it with --resume, then merge");
            }
            String[] lines = text.substring(0, text.length() - 1).split("\n", -1);
            SweepStamp stamp = stamp(in, lines[0]);
            if (lines.length < 2) {
                throw new IllegalArgumentException(in + ":2: no column header");
            }
            List<String> cols = header(in, lines[1]);
            for (int i = 2; i < lines.length; i++) {
                row(in, i + 1, lines[i], cols, stamp);
            }
        }

        /** Parses line 1's stamp and checks it is of the first file's sweep and split, and a shard not yet seen. */
        private SweepStamp stamp(Path in, String line) {
            SweepStamp stamp = SweepStamp.parse(line);
            if (stamp == null) {
                throw new IllegalArgumentException(in + ":1: not a results file of kljn sweep (no '" + SweepStamp.PREFIX
                        + "fingerprint=... shard=i/n' first line); merge joins only the files a sweep wrote");
            }
            if (first == null) {
                first = stamp;
            } else if (!stamp.fingerprint().equals(first.fingerprint()) || stamp.points() != first.points()) {
                throw new IllegalArgumentException(in + ":1: a part of another sweep than " + inputs.get(0)
                        + " (fingerprint " + stamp.fingerprint().substring(0, 12) + "... against "
                        + first.fingerprint().substring(0, 12) + "...); merge the parts of one sweep; nothing written");
            } else if (stamp.shard().count() != first.shard().count()) {
                throw new IllegalArgumentException(in + ":1: shard " + stamp.shard() + ", but " + inputs.get(0)
                        + " is shard " + first.shard() + ": parts of two different splits; nothing written");
            }
            Path twin = shardFiles.put(stamp.shard().index(), in);
            if (twin != null) {
                throw new IllegalArgumentException(in + " and " + twin + " are both shard " + stamp.shard()
                        + " (a file given twice?); nothing written");
            }
            return stamp;
        }

        /** Parses line 2's column header: the first file's must be a sweep's (and the spec's), later ones the same. */
        private List<String> header(Path in, String line) {
            List<String> cols = cells(in, 2, line);
            if (header == null) {
                header = line;
                headerFile = in;
                if (cols.size() < 4 || !cols.get(0).equals("index") || !cols.get(cols.size() - 2).equals("status")) {
                    throw new IllegalArgumentException(in + ":2: not a sweep CSV header (expected index, key, ...,"
                            + " status, error), got '" + line + "'");
                }
                if (expectedHeader != null && !cols.equals(expectedHeader)) {
                    throw new IllegalArgumentException(in + ":2: not a results file of " + spec.source() + ": "
                            + SweepWriter.firstDifference(cols, expectedHeader));
                }
            } else if (!header.equals(line)) {
                throw new IllegalArgumentException(in + ":2: header differs from " + headerFile + "'s: "
                        + SweepWriter.firstDifference(cols, Csv.parse(header)));
            }
            return cols;
        }

        /** Checks one row (cells, index in its shard, key against the spec, status) and keeps it. */
        private void row(Path in, int lineNo, String line, List<String> cols, SweepStamp stamp) {
            List<String> c = cells(in, lineNo, line);
            if (c.size() != cols.size()) {
                throw new IllegalArgumentException(in + ":" + lineNo + ": has " + c.size() + " cells, the header "
                        + cols.size());
            }
            int index;
            try {
                index = Integer.parseInt(c.get(0));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(in + ":" + lineNo + ": index '" + c.get(0)
                        + "' is not an integer");
            }
            if (index < 0 || index >= stamp.points() || !stamp.shard().contains(index)) {
                throw new IllegalArgumentException(in + ":" + lineNo + ": point " + index + " is not a point of"
                        + " shard " + stamp.shard() + " of a sweep of " + stamp.points() + " points");
            }
            if (spec != null) {
                if (index >= spec.size()) {
                    throw new IllegalArgumentException(in + ":" + lineNo + ": point " + index + " is outside "
                            + spec.source() + "'s " + spec.size() + " points (a part of another sweep?)");
                }
                String key = spec.point(index).key();
                if (!key.equals(c.get(1))) {
                    throw new IllegalArgumentException(in + ":" + lineNo + ": point " + index + " has key '"
                            + c.get(1) + "' but " + spec.source() + " gives '" + key + "' (a part of another sweep,"
                            + " or the spec changed)");
                }
            }
            Row earlier = rows.put(index, new Row(in, lineNo, line));
            if (earlier != null) {
                throw new IllegalArgumentException("point " + index + " appears twice: " + earlier.file + ":"
                        + earlier.line + " and " + in + ":" + lineNo + " (overlapping shards, or a file given twice)");
            }
            String status = c.get(c.size() - 2);
            if (status.equals("ok")) {
                ok++;
            } else if (status.equals("failed")) {
                failed++;
            } else {
                throw new IllegalArgumentException(in + ":" + lineNo + ": status '" + status
                        + "'; expected ok or failed");
            }
        }

        /**
         * With a spec, refuses parts whose stamp is not the spec's. Runs after the rows' keys, which name the point
         * when the spec's values changed: this catches the rest (an edited subckt file, the analyses).
         */
        void checkFingerprint() {
            if (spec != null && !first.fingerprint().equals(spec.fingerprint())) {
                throw new IllegalArgumentException(inputs.get(0) + ":1: not a part of " + spec.source() + ": "
                        + first.difference(SweepStamp.of(spec, first.shard())) + "; nothing written");
            }
        }

        /** Refuses a partial sweep, naming up to 20 missing points and the shards absent from the inputs. */
        void checkComplete() {
            int n = first.shard().count();
            int points = first.points();
            if (rows.size() >= points) {
                return;
            }
            List<Integer> missing = new ArrayList<>();
            for (int p = 0; p < points && missing.size() < 20; p++) {
                if (!rows.containsKey(p)) {
                    missing.add(p);
                }
            }
            List<String> absent = new ArrayList<>();
            for (int i = 1; i <= n; i++) {
                if (!shardFiles.containsKey(i)) {
                    absent.add(i + "/" + n);
                }
            }
            String why = absent.isEmpty() ? "a shard is unfinished; 'kljn status' shows which, 'kljn sweep ... --resume'"
                    + " finishes it" : "shard" + (absent.size() > 1 ? "s " : " ") + String.join(", ", absent)
                    + (absent.size() > 1 ? " are" : " is") + " not among the inputs; give every shard's file";
            throw new IllegalArgumentException("merge: " + (points - rows.size()) + " of " + points
                    + " points" + (spec == null ? "" : " of " + spec.source()) + " are missing (points " + missing
                    + (points - rows.size() > missing.size() ? " ..." : "") + "): " + why + "; nothing written");
        }
    }

    private static List<String> cells(Path file, int line, String text) {
        try {
            return Csv.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ":" + line + ": not a CSV row (" + e.getMessage() + ")", e);
        }
    }
}
