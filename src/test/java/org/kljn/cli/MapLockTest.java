package org.kljn.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 22: two maps into one folder must not interleave. The map released its folder lock after the last point but
 * before its CSV, charts and JSON, and then deleted the partial file: a second map that started in that window had
 * its partial file deleted under it and its charts mixed with the first map's files.
 */
class MapLockTest {
    private static final long HANG_GUARD_MINUTES = 20;

    @Test
    void theFolderStaysLockedUntilTheMapsLastFileIsWritten(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("map");
        RunCommandTest.Result[] result = new RunCommandTest.Result[1];
        Thread map = new Thread(() -> result[0] = RunCommandTest.kljn("map", "--metric", "success", "--preset", "cat5", "--lengths", "10,100",
                "--length-points", "2", "--bandwidths", "10,100", "--band-points", "2", "--jobs", "1", "--out",
                out.toString()));
        map.start();
        Path partial = out.resolve(MapCommand.PARTIAL);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(HANG_GUARD_MINUTES);
        // the map holds its lock once its partial file exists; from then on, whoever takes the lock must find the
        // map finished: every output written and the partial file gone. Polled without pause so that a window
        // between the lock's release and the last file is found (before the fix it held the charts' whole drawing).
        while (!Files.exists(partial) && map.isAlive() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        boolean taken = false;
        boolean finishedWhenTaken = false;
        while (!taken && System.nanoTime() < deadline) {
            boolean alive = map.isAlive();
            try (org.kljn.io.FolderLock lock = org.kljn.io.FolderLock.acquire(out, MapCommand.LOCK, "test")) {
                taken = true;
                finishedWhenTaken = Files.exists(out.resolve("security-map.json"))
                        && Files.exists(out.resolve("security-map-best-temperatures.svg")) && !Files.exists(partial);
            } catch (IOException heldByTheMap) {
                if (!alive) {
                    throw heldByTheMap; // the map has ended: nobody may hold the lock any more
                }
            }
        }
        map.join(TimeUnit.MINUTES.toMillis(HANG_GUARD_MINUTES));
        assertEquals(0, result[0].status(), result[0].out() + result[0].err());
        assertTrue(taken, "the lock is free once the map has ended");
        assertTrue(finishedWhenTaken, "the lock was free while the map still had files to write");
        assertFalse(Files.exists(partial));
        // the outputs written under the lock name the bit the map used (its default, 1000 Nyquist samples): once
        // they printed the unset option instead ("bit of null Nyquist samples", "M = null")
        assertTrue(result[0].out().contains("bit of 1000 Nyquist samples"), result[0].out());
        assertFalse(result[0].out().contains("null"), result[0].out());
    }
}
