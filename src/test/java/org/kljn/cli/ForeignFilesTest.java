package org.kljn.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kljn.analysis.exact.NoiseTemperatures;
import org.kljn.analysis.study.SecurityMap;
import org.kljn.circuit.CablePreset;
import org.kljn.circuit.ResistorPair;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 22 items 1 and 8 (map side) and the report's message on a foreign CSV: a resumed map keeps only points its
 * own settings computed, and a command given a file it did not write refuses it, naming it, and changes nothing.
 * All refusals come before any ngspice run.
 */
class ForeignFilesTest {
    private static final String[] BASE = {"map", "--metric", "success", "--preset", "cat5", "--lengths", "10,1k", "--length-points", "3",
            "--bandwidths", "10,1k", "--band-points", "3", "--jobs", "1", "--resume"};

    /** The settings {@link #BASE} gives (the grid 10, 100, 1000 is exact in doubles). */
    private static SecurityMap.Settings baseSettings() {
        CablePreset cat5 = CablePreset.CAT5;
        double[] grid = {10, 100, 1000};
        return new SecurityMap.Settings(new SecurityMap.PerKm(cat5.resistancePerKm(), cat5.capacitancePerKm(),
                cat5.inductancePerKm()), new ResistorPair(1e3, 10e3), 1e9, grid, grid.clone(), 1000, 0.01);
    }

    private static String[] with(Path out, String... changed) {
        List<String> args = new ArrayList<>(List.of(BASE));
        for (int i = 0; i < changed.length; i += 2) {
            int at = args.indexOf(changed[i]);
            if (at >= 0) {
                args.set(at + 1, changed[i + 1]);
            } else {
                args.addAll(List.of(changed[i], changed[i + 1]));
            }
        }
        args.addAll(List.of("--out", out.toString()));
        return args.toArray(String[]::new);
    }

    @Test
    void aResumedMapRefusesThePointsOfAMapWithAnyOtherSetting(@TempDir Path dir) throws Exception {
        Path out = Files.createDirectories(dir.resolve("map"));
        Path partial = out.resolve(MapCommand.PARTIAL);
        try (MapPartial p = MapPartial.open(partial, baseSettings(), false)) {
            p.append(0, new SecurityMap.Point(10, 10, 1.68, 5.2e-10, 5.2e-6, 1, 0.1, 0.5,
                    new NoiseTemperatures(1e9, 1e8, 1e9, 1e8), 0.1, 0.5));
        }
        byte[] before = Files.readAllBytes(partial);
        // each setting that changes a point, and the name the refusal gives it
        Map<String, String[]> cases = Map.of(
                "cable", new String[]{"--preset", "telephone"},
                "resistors", new String[]{"--rl", "2k"},
                "tEff", new String[]{"--teff", "2e9"},
                "lengths", new String[]{"--lengths", "10,2k"},
                "bandwidths", new String[]{"--band-points", "4"},
                "bitSamples", new String[]{"--bit-samples", "500"},
                "epsilon", new String[]{"--epsilon", "0.02"});
        for (Map.Entry<String, String[]> c : cases.entrySet()) {
            RunCommandTest.Result r = RunCommandTest.kljn(with(out, c.getValue()));
            assertEquals(1, r.status(), c.getKey() + ": " + r.out() + r.err());
            assertTrue(r.err().contains("holds the points of a map with " + c.getKey() + " = ")
                    && r.err().contains("but this map has " + c.getKey() + " = ") && r.err().contains("nothing written"),
                    c.getKey() + ": " + r.err());
            assertArrayEquals(before, Files.readAllBytes(partial), "the partial file is unchanged");
        }
    }

    @Test
    void aResumedMapRefusesAPartialFileItDidNotWrite(@TempDir Path dir) throws Exception {
        Path out = Files.createDirectories(dir.resolve("map"));
        Path partial = out.resolve(MapCommand.PARTIAL);
        for (String text : List.of("my own notes", "index,length,bandwidth\n0,1,2\n")) {
            Files.writeString(partial, text);
            RunCommandTest.Result r = RunCommandTest.kljn(with(out));
            assertEquals(1, r.status(), r.out() + r.err());
            assertTrue(r.err().contains(partial + " is not a partial file of kljn map") && r.err().contains(
                    "nothing written"), r.err());
            assertEquals(text, Files.readString(partial));
        }
    }

    @Test
    void reportRefusesACsvNoSweepWroteNamingIt(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("foreign.csv");
        Files.writeString(csv, "name,value\nx,1\n");
        RunCommandTest.Result r = RunCommandTest.kljn("report", csv.toString(), "--out", dir.resolve("r").toString());
        assertEquals(1, r.status(), r.out() + r.err());
        assertTrue(r.err().contains("sweep CSV " + csv + ": not a results file of kljn sweep (no column 'index'"),
                r.err());
        Files.writeString(csv, "index,status\nseven,ok\n");
        r = RunCommandTest.kljn("report", csv.toString(), "--out", dir.resolve("r").toString());
        assertEquals(1, r.status(), r.out() + r.err());
        assertTrue(r.err().contains("line 2: index 'seven' is not a point number"), r.err());
    }
}
