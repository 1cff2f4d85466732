package org.kljn.cli;

import org.kljn.analysis.exact.NoiseTemperatures;
import org.kljn.analysis.eavesdropper.KeyRate;
import org.kljn.analysis.study.KeyRateMap;
import org.kljn.analysis.study.SecurityMap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.kljn.io.Fingerprint;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The partial file of a running {@code kljn map}: the map's settings (one {@code # name = value} line each, derived
 * from its settings record by {@link Fingerprint}), then one line per finished point (a cell of the key-rate map),
 * appended whole and fsynced, so that a stopped map keeps its points and {@code --resume} skips them. A resume refuses
 * a file written with other settings (naming the first that differs) or not written by a map of the same metric, and
 * changes nothing in it. A torn last line (the process died mid-write) is dropped; a write that fails (a full disk) is
 * taken back, so the file never holds a torn row that a later resume would have to guess about.
 *
 * @param <P> a point of the map ({@link SecurityMap.Point}, {@link KeyRateMap.Cell})
 */
final class MapPartial<P> implements AutoCloseable {
    /**
     * How a map's points are written, one line each after the index, and read back exactly (doubles by {@link
     * Double#toString}, which round-trips; words URL-encoded, so no comma is in a value).
     *
     * @param magic  the file's first line: says which map wrote it
     * @param header the columns after {@code index}
     * @param writer a point's values
     * @param reader the point of a line's values; a malformed value throws {@link IllegalArgumentException}
     */
    record Rows<P>(String magic, String header, Function<P, List<String>> writer, Function<String[], P> reader) {
        List<String> values(P point) {
            return writer.apply(point);
        }

        P point(String[] values) {
            return reader.apply(values);
        }
    }

    /** The success map: Eve's optimal success with the best β and the best temperature set. */
    static final Rows<SecurityMap.Point> SECURITY = new Rows<>(
            "# kljn map partial file; a --resume must have every setting below",
            "length,bandwidth,r,c,l,beta,jBeta,sBeta,tha,tla,thb,tlb,jT,sT", p -> {
                NoiseTemperatures t = p.bestTemperatures();
                return numbers(p.length(), p.bandwidth(), p.resistance(), p.capacitance(), p.inductance(),
                        p.betaMinimizing(), p.jeffreysBestBeta(), p.successBestBeta(), t.highAtAlice(), t.lowAtAlice(),
                        t.highAtBob(), t.lowAtBob(), p.jeffreysBestTemperatures(), p.successBestTemperatures());
            }, c -> {
                double[] v = new double[c.length];
                for (int j = 0; j < c.length; j++) {
                    v[j] = Double.parseDouble(c[j]);
                }
                return new SecurityMap.Point(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7],
                        new NoiseTemperatures(v[8], v[9], v[10], v[11]), v[12], v[13]);
            });

    /** The key-rate map: each cell's best defence, its temperatures and its key rate with every part of it. */
    static final Rows<KeyRateMap.Cell> KEY_RATE = new Rows<>(
            "# kljn map --metric key-rate partial file; a --resume must have every setting below",
            "length,bandwidth,defence,tha,tla,thb,tlb,zeroByBound,bitDuration,highHolderError,lowHolderError,"
                    + "disagreementHl,disagreementLh,aliceBobInformation,eveInformation,eveSuccess,eveMethod,"
                    + "keptFraction,reconciliation", c -> {
                NoiseTemperatures t = c.temperatures();
                KeyRate k = c.rate();
                KeyRate.Errors e = k.errors();
                List<String> v = new ArrayList<>(numbers(c.length(), c.bandwidth()));
                v.add(word(c.defence()));
                v.addAll(numbers(t.highAtAlice(), t.lowAtAlice(), t.highAtBob(), t.lowAtBob()));
                v.add(Boolean.toString(c.zeroByBound()));
                v.addAll(numbers(k.bitDuration(), e.highHolderError(), e.lowHolderError(), e.disagreementHl(),
                        e.disagreementLh(), k.aliceBobInformation(), k.eveInformation(), k.eveSuccess()));
                v.add(word(k.eveMethod()));
                v.addAll(numbers(k.keptFraction(), k.reconciliation()));
                return v;
            }, c -> {
                double[] v = new double[c.length];
                for (int j : new int[] {0, 1, 3, 4, 5, 6, 8, 9, 10, 11, 12, 13, 14, 15, 17, 18}) {
                    v[j] = Double.parseDouble(c[j]);
                }
                if (!c[7].equals("true") && !c[7].equals("false")) {
                    throw new IllegalArgumentException("zeroByBound " + c[7]);
                }
                KeyRate k = new KeyRate(v[8], new KeyRate.Errors(v[9], v[10], v[11], v[12]), v[13], v[14], v[15],
                        unword(c[16]), v[17], v[18]);
                return new KeyRateMap.Cell(v[0], v[1], k, unword(c[2]), new NoiseTemperatures(v[3], v[4], v[5], v[6]),
                        Boolean.parseBoolean(c[7]));
            });

    private final Path file;
    private final FileChannel channel;
    private final Rows<P> rows;
    private long length;

    private MapPartial(Path file, FileChannel channel, Rows<P> rows) throws IOException {
        this.file = file;
        this.channel = channel;
        this.rows = rows;
        this.length = channel.size();
    }

    private static List<String> numbers(double... v) {
        List<String> out = new ArrayList<>();
        for (double x : v) {
            out.add(Double.toString(x));
        }
        return out;
    }

    private static String word(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String unword(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    /** The file's first lines for these settings: the magic line, one line per setting, the column header. */
    static String preamble(Rows<?> rows, Record settings) {
        StringBuilder b = new StringBuilder(rows.magic()).append('\n');
        Fingerprint.components(settings).forEach((k, v) -> b.append("# ").append(k).append(" = ").append(v).append('\n'));
        return b.append("index,").append(rows.header()).append('\n').toString();
    }

    /** The success map's partial file: {@link #open(Path, Rows, Record, boolean)} with {@link #SECURITY}. */
    static MapPartial<SecurityMap.Point> open(Path file, SecurityMap.Settings settings, boolean keep)
            throws IOException {
        return open(file, SECURITY, settings, keep);
    }

    /** Opens for appending ({@code keep}: the file holds this map's points) or starts the file afresh. */
    static <P> MapPartial<P> open(Path file, Rows<P> rows, Record settings, boolean keep) throws IOException {
        FileChannel ch = keep
                ? FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND)
                : FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING);
        MapPartial<P> p = new MapPartial<>(file, ch, rows);
        if (!keep) {
            p.write(preamble(rows, settings));
        }
        return p;
    }

    void append(int index, P point) {
        try {
            write(index + "," + String.join(",", rows.values(point)) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes whole lines and syncs; on failure takes back what reached the file, naming the file in the error. */
    private void write(String lines) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(lines.getBytes(StandardCharsets.UTF_8));
        try {
            while (b.hasRemaining()) {
                channel.write(b);
            }
            channel.force(false);
            length = channel.size();
        } catch (IOException e) {
            try {
                channel.truncate(length);
            } catch (IOException ignored) {
                // a resume drops a torn last line
            }
            throw new IOException("cannot append a point to " + file + ": " + Main.describe(e)
                    + " (the points before it are kept; free space and run again with --resume)", e);
        }
    }

    /** The success map's points: {@link #read(Path, Rows, Record, int)} with {@link #SECURITY}. */
    static Map<Integer, SecurityMap.Point> read(Path file, SecurityMap.Settings settings) throws IOException {
        return read(file, SECURITY, settings, settings.lengths().length * settings.bandwidths().length);
    }

    /**
     * The points of {@code file}, by index (below {@code total}); empty when there is no file. Refused, with nothing
     * changed: a file that is not a partial file of this kind of map, or one written with other settings.
     */
    static <P> Map<Integer, P> read(Path file, Rows<P> rows, Record settings, int total) throws IOException {
        Map<Integer, P> out = new HashMap<>();
        if (!Files.exists(file)) {
            return out;
        }
        List<String> lines;
        try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            lines = in.lines().toList();
        } catch (UncheckedIOException e) {
            throw notOurs(file, "it is not UTF-8 text");
        }
        if (lines.isEmpty() || !lines.get(0).equals(rows.magic())) {
            throw notOurs(file, "its first line is not '" + rows.magic() + "'");
        }
        Map<String, String> expected = Fingerprint.components(settings);
        Map<String, String> found = new java.util.LinkedHashMap<>();
        int i = 1;
        for (; i < lines.size() && lines.get(i).startsWith("# "); i++) {
            String l = lines.get(i).substring(2);
            int eq = l.indexOf(" = ");
            if (eq > 0) {
                found.put(l.substring(0, eq), l.substring(eq + 3));
            }
        }
        for (Map.Entry<String, String> e : expected.entrySet()) {
            String was = found.get(e.getKey());
            if (!e.getValue().equals(was)) {
                throw new IllegalArgumentException("--resume: " + file + " holds the points of a map with "
                        + e.getKey() + " = " + (was == null ? "(none)" : was) + ", but this map has " + e.getKey()
                        + " = " + e.getValue() + "; give the same settings to resume it, or leave --resume out to"
                        + " start afresh; nothing written");
            }
        }
        if (!found.keySet().equals(expected.keySet())) {
            throw new IllegalArgumentException("--resume: " + file + " was written with settings " + found.keySet()
                    + ", this map has " + expected.keySet() + "; leave --resume out to start afresh; nothing written");
        }
        String header = "index," + rows.header();
        if (i >= lines.size() || !lines.get(i).equals(header)) {
            throw notOurs(file, "line " + (i + 1) + " is not the column header");
        }
        int columns = header.split(",").length;
        for (int r = i + 1; r < lines.size(); r++) {
            String[] c = lines.get(r).split(",", -1);
            if (c.length != columns && r == lines.size() - 1) {
                continue; // a torn last line
            }
            try {
                int index = Integer.parseInt(c[0]);
                if (c.length != columns || index < 0 || index >= total || out.containsKey(index)) {
                    throw new NumberFormatException();
                }
                out.put(index, rows.point(java.util.Arrays.copyOfRange(c, 1, c.length)));
            } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
                throw notOurs(file, "line " + (r + 1) + " is not a point of this map");
            }
        }
        return out;
    }

    private static IllegalArgumentException notOurs(Path file, String why) {
        return new IllegalArgumentException("--resume: " + file + " is not a partial file of kljn map (" + why
                + "); a resume continues only what a map wrote; remove or move the file; nothing written");
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
