package org.kljn.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A fingerprint covers every part of a settings value without a list of them to keep up to date (issue 22 item 1),
 * and a file by its content (item 2).
 */
class FingerprintTest {
    private record Cable(double resistance, double capacitance) {
    }

    private record Settings(Cable cable, double[] lengths, int bitSamples, List<String> names, Path file) {
    }

    @Test
    void everyComponentAtEveryDepthChangesTheFingerprint(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("line.lib"), "R1 a b 100\n");
        Settings base = new Settings(new Cable(168, 52e-9), new double[]{10, 100}, 1000, List.of("a"), f);
        String h = Fingerprint.hash(base);
        assertEquals(h, Fingerprint.hash(new Settings(new Cable(168, 52e-9), new double[]{10, 100}, 1000, List.of("a"),
                f)), "equal values, equal fingerprints (arrays by content, not identity)");
        List<Settings> changed = List.of(
                new Settings(new Cable(168.00000000000003, 52e-9), base.lengths(), 1000, List.of("a"), f),
                new Settings(new Cable(168, 53e-9), base.lengths(), 1000, List.of("a"), f),
                new Settings(base.cable(), new double[]{10, 101}, 1000, List.of("a"), f),
                new Settings(base.cable(), base.lengths(), 1001, List.of("a"), f),
                new Settings(base.cable(), base.lengths(), 1000, List.of("b"), f));
        for (Settings s : changed) {
            assertNotEquals(h, Fingerprint.hash(s), s.toString());
        }
        Map<String, String> parts = Fingerprint.components(base);
        assertEquals(List.of("cable", "lengths", "bitSamples", "names", "file"), List.copyOf(parts.keySet()));
        assertEquals("Cable[resistance=168.0, capacitance=5.2E-8]", parts.get("cable"));
        // a file counts by its content: an edit changes the fingerprint, a copy elsewhere does not
        Path copy = Files.copy(f, dir.resolve("moved.lib"));
        assertEquals(h, Fingerprint.hash(new Settings(base.cable(), base.lengths(), 1000, List.of("a"), copy)));
        Files.writeString(f, "R1 a b 200\n");
        assertNotEquals(h, Fingerprint.hash(base));
    }

    @Test
    void aValueWithoutAFaithfulTextIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Fingerprint.hash(List.of(new Object())));
        assertTrue(e.getMessage().contains("no canonical text for a java.lang.Object"), e.getMessage());
    }
}
