package org.kljn.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sweep page on sweeps a new user ran: β given as rules, and a single point. */
class SweepReportTest {
    @TempDir
    Path dir;

    private static final String HEADER = "index,status,error,bandwidth,bitSamples,beta,betaUsed,betaEq11,"
            + "betaNull_secondLaw,predicted_bsy,predicted_secondLaw,predicted_current";

    /** A sweep over {@code beta: 1, eq11, null, minimax} (words in the beta column) got no figure and no reason. */
    @Test
    void aSweepOverBetaRulesIsDrawnAgainstTheBetaEachRuleGave() throws Exception {
        Path csv = dir.resolve("rules.csv");
        Files.writeString(csv, String.join("\n", HEADER,
                "0,ok,,1000,1000,1,1,1.176,1.089,0.789,0.70,0.5",
                "1,ok,,1000,1000,eq11,1.176,1.176,1.089,0.74,0.66,0.5",
                "2,ok,,1000,1000,null,1.089,1.176,1.089,0.5,0.5,0.5",
                "3,ok,,1000,1000,minimax,1.0891,1.176,1.089,0.5001,0.5,0.5", ""));
        String html = Files.readString(SweepReport.write(List.of(csv), dir.resolve("rules")));
        assertTrue(Files.isRegularFile(dir.resolve("rules/sweep-success.png")), html);
        assertTrue(Files.isRegularFile(dir.resolve("rules/sweep-beta.png")), html);
        assertTrue(html.contains("against betaUsed"), html);
        assertFalse(html.contains("No figures"), html);
    }

    @Test
    void aSweepWithNothingToDrawAgainstSaysWhy() throws Exception {
        Path csv = dir.resolve("one.csv");
        Files.writeString(csv, String.join("\n", HEADER, "0,ok,,1000,1000,1,1,1.176,1.089,0.789,0.70,0.5", ""));
        String html = Files.readString(SweepReport.write(List.of(csv), dir.resolve("one")));
        assertFalse(Files.exists(dir.resolve("one/sweep-success.png")));
        assertTrue(html.contains("No figures: no parameter of this sweep takes more than one numeric value"), html);
    }

    /** A series whose best attack changes along the axis said "(best: mixed)". */
    @Test
    void aSeriesNamesEachBestAttackWithItsPoints() {
        Map<String, Integer> changing = new LinkedHashMap<>();
        changing.put("bsy", 3);
        changing.put("current", 2);
        assertEquals("best attack: bsy at 3 points, current at 2", SweepReport.bestAttackWords(changing));
        assertEquals("best attack: secondLaw", SweepReport.bestAttackWords(Map.of("secondLaw", 4)));
        assertEquals("no attack beats guessing", SweepReport.bestAttackWords(Map.of("none", 4)));
        Map<String, Integer> one = new LinkedHashMap<>();
        one.put("bsy", 1);
        one.put("none", 1);
        assertEquals("best attack: bsy at 1 point, none beats guessing at 1", SweepReport.bestAttackWords(one));
    }
}
