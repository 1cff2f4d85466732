package org.kljn.cli;

import org.kljn.analysis.exact.NoiseTemperatures;
import org.kljn.analysis.study.SecurityMap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.kljn.io.Fingerprint;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The partial file of a running {@code kljn map}: the map's settings (one {@code # name = value} line each, derived
 * from {@link SecurityMap.Settings} by {@link Fingerprint}), then one line per finished point, appended whole and
 * fsynced, so that a stopped map keeps its points and {@code --resume} skips them. A resume refuses a file written
 * with other settings (naming the first that differs) or not written by a map at all, and changes nothing in it. A
 * torn last line (the process died mid-write) is dropped; a write that fails (a full disk) is taken back, so the file
 * never holds a torn row that a later resume would have to guess about.
 */
final class MapPartial implements AutoCloseable {
    private static final String HEADER = "index,length,bandwidth,r,c,l,beta,jBeta,sBeta,tha,tla,thb,tlb,jT,sT";
    /** The first line of every partial file. */
    private static final String MAGIC = "# kljn map partial file; a --resume must have every setting below";
    private final Path file;
    private final FileChannel channel;
    private long length;

    private MapPartial(Path file, FileChannel channel) throws IOException {
        this.file = file;
        this.channel = channel;
        this.length = channel.size();
    }

    /** The file's first lines for these settings: the magic line, one line per setting, the column header. */
    static String preamble(SecurityMap.Settings settings) {
        StringBuilder b = new StringBuilder(MAGIC).append('\n');
        Fingerprint.components(settings).forEach((k, v) -> b.append("# ").append(k).append(" = ").append(v).append('\n'));
        return b.append(HEADER).append('\n').toString();
    }

    /** Opens for appending ({@code keep}: the file holds this map's points) or starts the file afresh. */
    static MapPartial open(Path file, SecurityMap.Settings settings, boolean keep) throws IOException {
        FileChannel ch = keep
                ? FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND)
                : FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING);
        MapPartial p = new MapPartial(file, ch);
        if (!keep) {
            p.write(preamble(settings));
        }
        return p;
    }

    void append(int index, SecurityMap.Point p) {
        NoiseTemperatures t = p.bestTemperatures();
        double[] v = {p.length(), p.bandwidth(), p.resistance(), p.capacitance(), p.inductance(), p.betaMinimizing(),
                p.jeffreysBestBeta(), p.successBestBeta(), t.highAtAlice(), t.lowAtAlice(), t.highAtBob(), t.lowAtBob(),
                p.jeffreysBestTemperatures(), p.successBestTemperatures()};
        StringBuilder sb = new StringBuilder().append(index);
        for (double x : v) {
            sb.append(',').append(x); // Double.toString round-trips exactly
        }
        try {
            write(sb.append('\n').toString());
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

    /**
     * The points of {@code file}, by index; empty when there is no file. Refused, with nothing changed: a file that
     * is not a map's partial file, or one written with other settings.
     */
    static Map<Integer, SecurityMap.Point> read(Path file, SecurityMap.Settings settings) throws IOException {
        Map<Integer, SecurityMap.Point> out = new HashMap<>();
        if (!Files.exists(file)) {
            return out;
        }
        List<String> lines;
        try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            lines = in.lines().toList();
        } catch (UncheckedIOException e) {
            throw notOurs(file, "it is not UTF-8 text");
        }
        if (lines.isEmpty() || !lines.get(0).equals(MAGIC)) {
            throw notOurs(file, "its first line is not '" + MAGIC + "'");
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
        if (i >= lines.size() || !lines.get(i).equals(HEADER)) {
            throw notOurs(file, "line " + (i + 1) + " is not the column header");
        }
        int total = settings.lengths().length * settings.bandwidths().length;
        for (int r = i + 1; r < lines.size(); r++) {
            String[] c = lines.get(r).split(",");
            if (c.length != 15 && r == lines.size() - 1) {
                continue; // a torn last line
            }
            try {
                int index = Integer.parseInt(c[0]);
                double[] v = new double[14];
                for (int j = 0; j < 14; j++) {
                    v[j] = Double.parseDouble(c[j + 1]);
                }
                if (c.length != 15 || index < 0 || index >= total || out.containsKey(index)) {
                    throw new NumberFormatException();
                }
                out.put(index, new SecurityMap.Point(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7],
                        new NoiseTemperatures(v[8], v[9], v[10], v[11]), v[12], v[13]));
            } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
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
