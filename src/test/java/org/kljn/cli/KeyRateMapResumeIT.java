package org.kljn.cli;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kljn.analysis.defence.KeyRateDefences;
import org.kljn.analysis.eavesdropper.EveInstrument;
import org.kljn.analysis.study.KeyRateMap;
import org.kljn.analysis.study.SecurityMap;
import org.kljn.circuit.CablePreset;
import org.kljn.circuit.ResistorPair;
import org.kljn.ngspice.NgSpicePool;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code map --metric key-rate --resume}: a key-rate map stopped after some cells keeps them in its partial file, and
 * a resume computes only the rest and ends with the same files as one uninterrupted map; a resume refuses a partial
 * file of other settings or of the success map, and leaves it as it was.
 */
@Tag("integration")
class KeyRateMapResumeIT {
    private static final double[] LENGTHS = {10, 100, 1000};
    private static final double[] BANDS = {10, 1000};
    private static final int BIT_SAMPLES = 20;

    /** The command line of the map below (a fixed bit, so each cell is one key-rate evaluation). */
    private static String[] args(Path out, String... more) {
        List<String> a = new java.util.ArrayList<>(List.of("map", "--preset", "cat5", "--lengths", "10,1k",
                "--length-points", "3", "--bandwidths", "10,1k", "--band-points", "2", "--bit-samples",
                Integer.toString(BIT_SAMPLES), "--jobs", "1", "--out", out.toString()));
        a.addAll(List.of(more));
        return a.toArray(String[]::new);
    }

    /** The settings the command line above gives (what its partial file is stamped with). */
    private static MapCommand.KeyRateSettings settings() {
        CablePreset cat5 = CablePreset.CAT5;
        return new MapCommand.KeyRateSettings(new SecurityMap.PerKm(cat5.resistancePerKm(), cat5.capacitancePerKm(),
                cat5.inductancePerKm()), new ResistorPair(1e3, 10e3), 1e9, LENGTHS, BANDS,
                Collections.nCopies(BANDS.length, BIT_SAMPLES), 1, EveInstrument.defaults(),
                KeyRateDefences.MAX_SAMPLES);
    }

    /** Thrown by the cell listener to stop a map the way a killed process stops it: after its k-th cell. */
    private static final class Stopped extends RuntimeException {
        Stopped() {
            super("stopped", null, false, false);
        }
    }

    /**
     * Proves the resume: a map stopped after 2 of its 6 cells (the cells written by the map's own partial-file
     * writer, the way the command writes them) is resumed by the command, which takes those 2 from the file
     * (stderr says so), computes the other 4 (a progress line each, counting the 2 in, as the success map does), and
     * writes key-rate-map.json and .csv byte for byte as an uninterrupted
     * run of the same command; the partial file is gone afterwards.
     */
    @Test
    void aStoppedKeyRateMapResumesToTheSameFilesAsAnUninterruptedOne(@TempDir Path dir) throws Exception {
        Path whole = dir.resolve("whole");
        RunCommandTest.Result full = RunCommandTest.kljn(args(whole));
        assertEquals(0, full.status(), full.err());

        Path out = Files.createDirectories(dir.resolve("resumed"));
        Path partial = out.resolve(MapCommand.KEY_RATE_PARTIAL);
        int k = 2;
        try (MapPartial<KeyRateMap.Cell> writer = MapPartial.open(partial, MapPartial.KEY_RATE, settings(), false);
             NgSpicePool pool = NgSpicePool.of(1)) {
            CablePreset cat5 = CablePreset.CAT5;
            assertThrows(Stopped.class, () -> KeyRateMap.compute(pool, new SecurityMap.PerKm(cat5.resistancePerKm(),
                            cat5.capacitancePerKm(), cat5.inductancePerKm()), new ResistorPair(1e3, 10e3), 1e9, LENGTHS,
                    BANDS, band -> BIT_SAMPLES, 1, EveInstrument.defaults(), KeyRateDefences.MAX_SAMPLES, Map.of(),
                    (i, c) -> {
                        writer.append(i, c);
                        if (i == k - 1) {
                            throw new Stopped();
                        }
                    }, done -> { }));
        }
        assertEquals(k, MapPartial.read(partial, MapPartial.KEY_RATE, settings(), 6).size(), "cells in the file");

        RunCommandTest.Result resumed = RunCommandTest.kljn(args(out, "--resume"));
        assertEquals(0, resumed.status(), resumed.err());
        assertEquals(List.of("map: 2 of 6 cells from " + partial, "map: 3 of 6 cells", "map: 4 of 6 cells",
                "map: 5 of 6 cells", "map: 6 of 6 cells"), progress(resumed.err()), "one line per computed cell");
        for (String f : List.of("key-rate-map.json", "key-rate-map.csv")) {
            assertArrayEquals(Files.readAllBytes(whole.resolve(f)), Files.readAllBytes(out.resolve(f)), f);
        }
        assertEquals(full.out().replace(whole.toString(), "DIR"), resumed.out().replace(out.toString(), "DIR"));
        assertFalse(Files.exists(partial), "the partial file goes when the map is whole");
    }

    /** The progress lines of a map's stderr ("map: ..."). */
    private static List<String> progress(String err) {
        return err.lines().filter(l -> l.startsWith("map: ")).toList();
    }

    /**
     * Proves the refusals: a resume against a partial file written with another reconciliation names that setting,
     * one against the success map's partial file (renamed) says it is not a key-rate map's; both exit 1 before any
     * cell is computed and leave the file byte for byte as it was.
     */
    @Test
    void aResumeRefusesAPartialFileOfOtherSettingsOrOfTheSuccessMap(@TempDir Path dir) throws Exception {
        Path out = Files.createDirectories(dir.resolve("map"));
        Path partial = out.resolve(MapCommand.KEY_RATE_PARTIAL);
        try (MapPartial<KeyRateMap.Cell> p = MapPartial.open(partial, MapPartial.KEY_RATE, settings(), false)) {
            // no cell: the refusal comes from the stamp alone
        }
        byte[] before = Files.readAllBytes(partial);
        RunCommandTest.Result other = RunCommandTest.kljn(args(out, "--resume", "--reconciliation", "0.9"));
        assertEquals(1, other.status(), other.err());
        assertTrue(other.err().contains("holds the points of a map with reconciliation = 1.0, but this map has"
                + " reconciliation = 0.9"), other.err());
        assertArrayEquals(before, Files.readAllBytes(partial));

        SecurityMap.Settings success = new SecurityMap.Settings(settings().cable(), settings().resistors(), 1e9,
                LENGTHS, BANDS, 1000, 0.01);
        try (MapPartial<SecurityMap.Point> p = MapPartial.open(partial, success, false)) {
            // the success map's stamp under the key-rate map's name
        }
        before = Files.readAllBytes(partial);
        RunCommandTest.Result foreign = RunCommandTest.kljn(args(out, "--resume"));
        assertEquals(1, foreign.status(), foreign.err());
        assertTrue(foreign.err().contains("is not a partial file of kljn map (its first line is not '# kljn map"
                + " --metric key-rate partial file"), foreign.err());
        assertArrayEquals(before, Files.readAllBytes(partial));
        assertFalse(Files.exists(out.resolve("key-rate-map.json")), "nothing computed");
    }
}
