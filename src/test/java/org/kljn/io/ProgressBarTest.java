package org.kljn.io;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A long run whose stderr is a log file or a pipe (a batch job) once printed nothing at all in {@code auto}: now a
 * plain line every 30 s, and nothing for a run shorter than that. The clock is the test's, not the machine's.
 */
class ProgressBarTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream log = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    private long now;

    private String text() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void autoOntoALogPrintsALineEveryThirtySeconds() {
        ProgressBar bar = ProgressBar.create(ProgressBar.Mode.AUTO, log, false, 1000, 0, "bits", () -> now);
        for (int done = 1; done <= 1000; done++) {
            now += 100_000_000L; // a bit every 0.1 s: 100 s in all
            bar.update(done);
        }
        bar.finish();
        long lines = text().lines().count();
        // lines at 30, 60 and 90 s, and the final one at 100 s: a line now and then, not one per bit
        assertEquals(4, lines, text());
        assertTrue(text().lines().allMatch(l -> l.startsWith("[")), text());
        assertFalse(text().contains("\r"), "no carriage returns in a log");
        assertTrue(text().strip().endsWith("1000/1000 bits"), text());
    }

    @Test
    void aShortRunOntoALogPrintsNothing() {
        ProgressBar bar = ProgressBar.create(ProgressBar.Mode.AUTO, log, false, 10, 0, "points", () -> now);
        for (int done = 1; done <= 10; done++) {
            now += 1_000_000_000L; // 10 s in all
            bar.update(done);
        }
        bar.finish();
        assertEquals("", text());
    }

    @Test
    void neverPrintsNothing() {
        ProgressBar bar = ProgressBar.create(ProgressBar.Mode.NEVER, log, false, 10, 0, "points", () -> now);
        now += 100_000_000_000L;
        bar.update(5);
        bar.finish();
        assertEquals("", text());
    }
}
