package org.kljn.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kljn.io.AtomicFiles;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Clear messages (issue 10 item 12, issue 15 items 11-12): each names the file or option, the value and the cause,
 * and a refused input writes nothing.
 */
class MessagesTest {

    @Test
    void netlistsThatAreNotUtf8RunAndBinaryOnesAreRefusedByName(@TempDir Path dir) throws Exception {
        Files.write(dir.resolve("a_latin1.cir"), String.join("\n", "* R\u00e9sistance en s\u00e9rie", "V1 in 0 dc 2",
                "R1 in out 1k", "R2 out 0 1k", ".op", ".end", "").getBytes(StandardCharsets.ISO_8859_1));
        Files.write(dir.resolve("b_binary.cir"), new byte[] {'*', ' ', 'x', '\n', 0, 1, 2, '\n'});
        Files.writeString(dir.resolve("c_noends.cir"), String.join("\n", "* no .ends", "V1 in 0 dc 1",
                "X1 in out sub", ".subckt sub a b", "R1 a b 1k", "R2 out 0 1k", ".op", ".end", ""));
        Path out = dir.resolve("o");
        RunCommandTest.Result r = RunCommandTest.kljn("run", dir.toString(), "--out", out.toString());
        assertEquals(1, r.status(), r.out() + r.err());
        assertTrue(r.out().contains("ok    " + dir.resolve("a_latin1.cir")), "ngspice runs a Latin-1 netlist: " + r.out());
        assertTrue(r.out().contains("netlist file " + dir.resolve("b_binary.cir") + " is not text (a NUL byte at offset 4)"),
                r.out());
        assertTrue(r.out().contains("Mismatch of .subckt ... .ends statements"),
                "ngspice's reason, not only 'ControlledExit (status 1)': " + r.out());
        assertFalse(Files.exists(out.resolve("b_binary.op1.csv")));
    }

    @Test
    void aFileGivenAsTheOutputFolderIsRefusedAndLeftAlone(@TempDir Path dir) throws Exception {
        Path netlist = dir.resolve("x.cir");
        Files.writeString(netlist, String.join("\n", "* x", "V1 in 0 dc 1", "R1 in 0 1k", ".op", ".end", ""));
        Path file = dir.resolve("results.txt");
        Files.writeString(file, "keep me");
        RunCommandTest.Result r = RunCommandTest.kljn("run", netlist.toString(), "--out", file.toString());
        assertEquals(2, r.status(), r.out() + r.err());
        assertTrue(r.err().contains("--out " + file + ": is a file; --out names a folder"), r.err());
        assertEquals("keep me", Files.readString(file));
    }

    @Test
    void aSpecWithAByteOrderMarkReadsItsFirstKey(@TempDir Path dir) throws Exception {
        Path spec = dir.resolve("bom.spec");
        Files.writeString(spec, "\uFEFFrl: 1k\nrh: 10k\nbandwidth: 1k\nanalyses: exact\n");
        RunCommandTest.Result r = RunCommandTest.kljn("sweep", spec.toString(), "--out", dir.resolve("b.csv").toString(),
                "--progress", "never");
        assertEquals(0, r.status(), r.out() + r.err());
    }

    @Test
    void outputFilesHonourTheUmask(@TempDir Path dir) throws Exception {
        int umask = 0;
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("Umask:")) {
                umask = Integer.parseInt(line.substring(6).strip(), 8);
            }
        }
        Path f = dir.resolve("out.csv");
        AtomicFiles.writeString(f, "a,b\n");
        Set<PosixFilePermission> got = Files.getPosixFilePermissions(f);
        int mode = 0666 & ~umask;
        Set<PosixFilePermission> expected = PosixFilePermissions.fromString(PosixFilePermissions.toString(
                PosixFilePermissions.fromString(rwx(mode))));
        assertEquals(expected, got, "0666 minus the umask " + Integer.toOctalString(umask) + ", not 0600");
    }

    private static String rwx(int mode) {
        StringBuilder b = new StringBuilder();
        for (int shift = 6; shift >= 0; shift -= 3) {
            int m = (mode >> shift) & 7;
            b.append((m & 4) != 0 ? 'r' : '-').append((m & 2) != 0 ? 'w' : '-').append((m & 1) != 0 ? 'x' : '-');
        }
        return b.toString();
    }

    @Test
    void aLibraryPathNamingSomethingElseIsOneClearLine(@TempDir Path dir) throws Exception {
        Path notALibrary = dir.resolve("libngspice.so.0");
        Files.writeString(notALibrary, "not a shared library\n");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "analyze"));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().put("NGSPICE_LIBRARY_PATH", notALibrary.toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(20, TimeUnit.MINUTES));
        assertEquals(1, p.exitValue(), out);
        assertEquals("kljn: " + notALibrary + " is not an ngspice shared library (not an ELF file; environment variable"
                + " NGSPICE_LIBRARY_PATH = " + notALibrary + ")", out.strip());
    }
}
