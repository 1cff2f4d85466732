package org.kljn.cli;

import org.kljn.analysis.NoiseTemperatures;
import org.kljn.analysis.SecurityMap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The partial file of a running {@code kljn map}: one line per finished point, appended whole and fsynced, so that a
 * stopped map keeps its points and {@code --resume} skips them. A torn last line (the process died mid-write) is
 * dropped.
 */
final class MapPartial implements AutoCloseable {
    private static final String HEADER = "index,length,bandwidth,r,c,l,beta,jBeta,sBeta,tha,tla,thb,tlb,jT,sT";
    private final FileChannel channel;

    private MapPartial(FileChannel channel) {
        this.channel = channel;
    }

    /** Opens for appending ({@code keep}) or starts the file afresh with its header. */
    static MapPartial open(Path file, boolean keep) throws IOException {
        FileChannel ch = keep
                ? FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND)
                : FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING);
        MapPartial p = new MapPartial(ch);
        if (!keep) {
            p.write(HEADER + "\n");
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

    private void write(String line) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8));
        while (b.hasRemaining()) {
            channel.write(b);
        }
        channel.force(false);
    }

    /** The points of {@code file} that lie on this grid, by index; the file must belong to the same grid. */
    static Map<Integer, SecurityMap.Point> read(Path file, double[] lengths, double[] bandwidths) throws IOException {
        Map<Integer, SecurityMap.Point> out = new HashMap<>();
        if (!Files.exists(file)) {
            return out;
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 1; i < lines.size(); i++) {
            String[] c = lines.get(i).split(",");
            if (c.length != 15) {
                continue; // a torn last line
            }
            int index = Integer.parseInt(c[0]);
            double[] v = new double[14];
            for (int j = 0; j < 14; j++) {
                v[j] = Double.parseDouble(c[j + 1]);
            }
            int nl = lengths.length;
            if (index < 0 || index >= nl * bandwidths.length || !same(v[0], lengths[index % nl])
                    || !same(v[1], bandwidths[index / nl])) {
                throw new IllegalArgumentException("--resume: " + file + " line " + (i + 1) + " belongs to another grid"
                        + " (length " + v[0] + " m, band " + v[1] + " Hz at point " + index + "); give the same"
                        + " --lengths, --bandwidths and point counts, or drop --resume");
            }
            out.put(index, new SecurityMap.Point(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7],
                    new NoiseTemperatures(v[8], v[9], v[10], v[11]), v[12], v[13]));
        }
        return out;
    }

    private static boolean same(double a, double b) {
        return Math.abs(a - b) <= 1e-9 * Math.abs(b);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
