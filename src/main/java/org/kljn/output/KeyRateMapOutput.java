package org.kljn.output;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.kljn.analysis.study.KeyRateMap;
import org.kljn.circuit.SpiceNumbers;

import java.io.PrintWriter;
import java.util.List;
import java.util.stream.IntStream;

/**
 * {@code kljn map}'s key-rate summary ({@code key-rate-map.json}, docs/key-rate.md): the verdict, the grid, per band
 * the longest cable with a secret key, and every cell's best key rate with its defence.
 */
public record KeyRateMapOutput(String verdict, String metric, double reconciliation, EveNoise eveNoise,
                               double[] lengths, double[] bandwidths, List<GridLength> zeroRateLength,
                               List<Cell> cells) {
    /**
     * One cell: its key rate, then where it is, the defence and its temperatures.
     */
    public record Cell(@JsonUnwrapped KeyRateOutput keyRate, double length, double bandwidth, String defence,
                       Temperatures temperatures) {
    }

    /** One band's row of the text table: the longest cable with a key, and the band's best cell. */
    private record Band(double bandwidth, String keyUpTo, KeyRateMap.Cell best) {
    }

    private static final TextTable<Band> TABLE = TextTable.<Band>of()
            .column("band [Hz]", "%12s", b -> SpiceNumbers.engineering(b.bandwidth()))
            .column("a key up to", "%22s", Band::keyUpTo)
            .column("best [bit/s]", "%14.4g", b -> b.best().bitsPerSecond())
            .column("at", "%10s", b -> SpiceNumbers.metres(b.best().length()))
            .column("(bit, defence)", "%s", b -> String.format(java.util.Locale.ROOT, "(%.4g s, %s)",
                    b.best().rate().bitDuration(), b.best().defence()));

    public KeyRateMapOutput {
        zeroRateLength = List.copyOf(zeroRateLength);
        cells = List.copyOf(cells);
    }

    /**
     * The summary of {@code map}.
     */
    public static KeyRateMapOutput of(KeyRateMap map, String verdict, double reconciliation, EveNoise eveNoise) {
        return new KeyRateMapOutput(verdict, "key-rate", reconciliation, eveNoise, map.lengths(), map.bandwidths(),
                GridLength.of(map.zeroRateLength()), map.cells().stream().map(c -> new Cell(KeyRateOutput.of(c.rate(),
                        c.bandwidth()), c.length(), c.bandwidth(), c.defence(), Temperatures.of(c.temperatures())))
                        .toList());
    }

    /** Per band, the longest cable with a key and the band's best cell (the shortest length on a tie). */
    public static void printTable(PrintWriter out, KeyRateMap map) {
        double[] ls = map.lengths();
        List<GridLength> zero = GridLength.of(map.zeroRateLength());
        TABLE.print(out, IntStream.range(0, map.bandwidths().length).mapToObj(b -> {
            return new Band(map.bandwidths()[b], zero.get(b).text(ls), map.bestAt(b));
        }).toList());
    }

    /** {@code key-rate-map.csv}: one row per cell. */
    public static String csv(KeyRateMap map) {
        StringBuilder sb = new StringBuilder(org.kljn.io.Csv.row("length_m", "bandwidth_hz", "bits_per_second",
                "bit_duration_s", "bit_samples", "defence", "t_high_alice", "t_low_alice", "t_high_bob", "t_low_bob",
                "alice_bob_information", "eve_information", "disagreement"));
        for (KeyRateMap.Cell c : map.cells()) {
            org.kljn.analysis.exact.NoiseTemperatures t = c.temperatures();
            sb.append(org.kljn.io.Csv.row(c.length(), c.bandwidth(), c.bitsPerSecond(), c.rate().bitDuration(),
                    c.bitSamples(), c.defence(), t.highAtAlice(), t.lowAtAlice(), t.highAtBob(), t.lowAtBob(),
                    c.rate().aliceBobInformation(), c.rate().eveInformation(), c.rate().errors().disagreement()));
        }
        return sb.toString();
    }
}
