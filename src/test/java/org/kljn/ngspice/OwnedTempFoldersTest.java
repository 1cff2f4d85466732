package org.kljn.ngspice;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The private folders the library copies are loaded from (issue 22 item 19): made atomically, owner-only, under a
 * name nobody can take first; an existing folder is never used.
 */
class OwnedTempFoldersTest {
    private static final String PREFIX = "kljn-ownedtest-";

    @Test
    void aFolderPlantedUnderThePredictableNameIsNeverUsed() throws Exception {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        ProcessHandle self = ProcessHandle.current();
        String predictable = PREFIX + self.pid() + "-" + OwnedTempFolders.startMillis(self) + "-";
        // what another user could make before us: world-writable folders under every name the old counter gave
        List<Path> planted = new ArrayList<>();
        for (int n = 1; n <= 200; n++) {
            Path p = Files.createDirectory(tmp.resolve(predictable + n));
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxrwxrwx"));
            Files.writeString(p.resolve("libngspice-planted.so"), "not ours");
            planted.add(p);
        }
        Path mine = null;
        try {
            mine = OwnedTempFolders.create(PREFIX);
            assertFalse(planted.contains(mine), "took a folder that existed: " + mine);
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(mine)),
                    "owner-only: nobody else can put a library in it");
            try (Stream<Path> s = Files.list(mine)) {
                assertEquals(0, s.count(), "a new, empty folder");
            }
            assertTrue(mine.getFileName().toString().startsWith(predictable), "still names its owner process: " + mine);
        } finally {
            for (Path p : planted) {
                OwnedTempFolders.deleteTree(p);
            }
            if (mine != null) {
                OwnedTempFolders.deleteTree(mine);
            }
        }
    }

    @Test
    void twoFoldersOfOneProcessDiffer() throws Exception {
        Path a = OwnedTempFolders.create(PREFIX);
        Path b = OwnedTempFolders.create(PREFIX);
        try {
            assertFalse(a.equals(b));
        } finally {
            OwnedTempFolders.deleteTree(a);
            OwnedTempFolders.deleteTree(b);
        }
    }

    @Test
    void aLinkNamedLikeAStaleFolderIsLeftAloneAndItsTargetKept(@TempDir Path dir) throws Exception {
        Path target = Files.createDirectories(dir.resolve("precious"));
        Files.writeString(target.resolve("keep.txt"), "keep");
        // a dead owner (pid 1 never started at that time): stale by name
        Path link = Files.createSymbolicLink(dir.resolve(PREFIX + "1-1000000000000-7"), target);
        List<Path> removed = OwnedTempFolders.cleanStale(dir, PREFIX);
        assertEquals(List.of(), removed);
        assertTrue(Files.isSymbolicLink(link));
        assertEquals("keep", Files.readString(target.resolve("keep.txt")));
    }
}
