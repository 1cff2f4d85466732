package org.kljn.output;

import org.kljn.analysis.study.SecurityMap;
import org.kljn.circuit.SpiceNumbers;

import java.io.PrintWriter;
import java.util.List;
import java.util.stream.IntStream;

/**
 * {@code kljn map --metric success}'s summary ({@code security-map.json}, docs/defend-and-map.md): the grid and, per
 * band, the longest cable on which Eve's optimal success stays within 0.5 + ε with the best single β and with the
 * best temperature set.
 */
public record SecurityMapOutput(int bitSamples, double epsilon, double[] lengths, double[] bandwidths,
                                List<GridLength> secureLengthBestBeta, List<GridLength> secureLengthBestTemperatures) {
    /** One band's row of the text table. */
    private record Band(double bandwidth, String bestBeta, String bestTemperatures) {
    }

    private static final TextTable<Band> TABLE = TextTable.<Band>of()
            .column("band [Hz]", "%12s", b -> SpiceNumbers.engineering(b.bandwidth()))
            .column("secure up to (best β)", "%22s", Band::bestBeta)
            .column("(best temperatures)", "%22s", Band::bestTemperatures);

    public SecurityMapOutput {
        secureLengthBestBeta = List.copyOf(secureLengthBestBeta);
        secureLengthBestTemperatures = List.copyOf(secureLengthBestTemperatures);
    }

    public static SecurityMapOutput of(SecurityMap map) {
        return new SecurityMapOutput(map.bitSamples(), map.epsilon(), map.lengths(), map.bandwidths(),
                GridLength.of(map.secureLength(false)), GridLength.of(map.secureLength(true)));
    }

    /** Per band, the longest secure cable with the best β and with the best temperatures. */
    public void printTable(PrintWriter out) {
        TABLE.print(out, IntStream.range(0, bandwidths.length).mapToObj(b -> new Band(bandwidths[b],
                secureLengthBestBeta.get(b).text(lengths), secureLengthBestTemperatures.get(b).text(lengths))).toList());
    }
}
