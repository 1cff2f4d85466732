package org.kljn.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code kljn run} on a folder of good and bad netlists, through the real library. */
class RunCommandTest {

    record Result(int status, String out, String err) {
    }

    static Result kljn(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int status = Main.execute(args);
            return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void folderOfGoodAndBadNetlists(@TempDir Path dir) throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.write(in.resolve("a_divider.cir"), List.of("* divider", "V1 in 0 dc 2", "R1 in out 1k",
                "R2 out 0 1k", ".op", ".end"));
        Files.write(in.resolve("b_broken.cir"), List.of("* broken", "V1 in 0 dc 1", "X1 in out nosuchline",
                ".op", ".end"));
        Files.write(in.resolve("c_lowpass.sp"), List.of("* low-pass", "V1 in 0 dc 0 ac 1", "R1 in out 1k",
                "C1 out 0 1u", ".ac lin 3 0 1k", ".end"));
        // an include relative to the netlist's own folder, and a control block ending in quit
        Files.write(in.resolve("load.inc"), List.of("R2 out 0 3k"));
        Files.write(in.resolve("d_control.cir"), List.of("* control", "V1 in 0 dc 4", "R1 in out 1k",
                ".include load.inc", ".control", "op", "quit", ".endc", ".end"));
        Path out = dir.resolve("out");

        Result r = kljn("run", in.toString(), "--out", out.toString());

        assertEquals(1, r.status(), r.out() + r.err());
        assertTrue(r.out().contains("FAIL  " + in.resolve("b_broken.cir")), r.out());
        assertTrue(r.out().contains("unknown subckt"), "ngspice's message is quoted: " + r.out());
        assertTrue(r.err().contains("1 of 4 netlists failed"), r.err());
        // the files after the bad one still ran
        List<String> divider = Files.readAllLines(out.resolve("a_divider.op1.csv"));
        assertTrue(divider.get(0).contains("out"), divider.get(0));
        int col = List.of(divider.get(0).split(",")).indexOf("out");
        assertEquals(1.0, Double.parseDouble(divider.get(1).split(",")[col]), 1e-12);
        List<String> lowpass = Files.readAllLines(out.resolve("c_lowpass.ac1.csv"));
        assertTrue(lowpass.get(0).startsWith("frequency.re,frequency.im"), lowpass.get(0));
        assertEquals(4, lowpass.size(), "header and three frequencies");
        List<String> control = Files.readAllLines(out.resolve("d_control.op1.csv"));
        int c = List.of(control.get(0).split(",")).indexOf("out");
        assertEquals(3.0, Double.parseDouble(control.get(1).split(",")[c]), 1e-12);
        assertFalse(Files.exists(out.resolve("b_broken.op1.csv")));
        try (var s = Files.list(out)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary files left");
        }
    }

    @Test
    void missingFileIsReportedAndNonZero(@TempDir Path dir) {
        Result r = kljn("run", dir.resolve("nope.cir").toString(), "--out", dir.toString());
        assertEquals(1, r.status());
        assertTrue(r.out().contains("cannot read netlist file"), r.out());
    }

    @Test
    void noArgumentsIsAUsageError() {
        Result r = kljn("run");
        assertEquals(2, r.status());
        assertTrue(r.err().contains("FILE"), r.err());
    }

    @Test
    void aVectorOrEchoNamedErrorIsOutputNotAFailure(@TempDir Path dir) throws Exception {
        // issue 22 item 7: `print error` prints "error = 3.0e+00"; `echo Error: ...` is the netlist's own words
        Files.write(dir.resolve("e.cir"), List.of("* words", "V1 in 0 dc 1", "R1 in 0 1k", ".control", "op",
                "let error = 3", "print error", "echo Error: only a word", ".endc", ".end"));
        Result r = kljn("run", dir.resolve("e.cir").toString(), "--out", dir.resolve("o").toString());
        assertEquals(0, r.status(), r.out() + r.err());
        assertTrue(r.out().contains("ok    " + dir.resolve("e.cir")), r.out());
    }

    @Test
    void subfoldersAreRunAndNamesDependOnThePathAlone(@TempDir Path dir) throws Exception {
        Path in = Files.createDirectories(dir.resolve("in/sub"));
        Files.write(in.resolve("y.cir"), List.of("* y", "V1 in 0 dc 2", "R1 in 0 1k", ".op", ".end"));
        Result r = kljn("run", dir.resolve("in").toString(), "--out", dir.resolve("o").toString());
        assertEquals(0, r.status(), r.out() + r.err());
        assertTrue(Files.exists(dir.resolve("o/sub_y.op1.csv")), "a netlist in a subfolder runs: " + r.out());
        // alone, or beside another netlist of the same file name elsewhere: the same output name
        Path other = Files.createDirectories(dir.resolve("other"));
        Files.write(other.resolve("y.cir"), List.of("* y2", "V1 in 0 dc 3", "R1 in 0 1k", ".op", ".end"));
        Result both = kljn("run", dir.resolve("in").toString(), other.resolve("y.cir").toString(), "--out",
                dir.resolve("o2").toString());
        assertEquals(0, both.status(), both.out() + both.err());
        assertTrue(Files.exists(dir.resolve("o2/sub_y.op1.csv")) && Files.exists(dir.resolve("o2/y.op1.csv")),
                both.out());
    }

    @Test
    void netlistsThatWouldWriteOneFileAreRefusedBeforeAnythingRuns(@TempDir Path dir) throws Exception {
        // issue 22 item 9: x.cir and x.sp, and a file named like a numbered output, once replaced one CSV
        Path a = Files.createDirectories(dir.resolve("a"));
        for (String name : List.of("x.cir", "x.sp", "x-1.cir")) {
            Files.write(a.resolve(name), List.of("* " + name, "V1 in 0 dc 1", "R1 in 0 1k", ".op", ".end"));
        }
        Path out = dir.resolve("o");
        Result r = kljn("run", a.toString(), "--out", out.toString());
        assertEquals(1, r.status(), r.out() + r.err());
        assertTrue(r.err().contains("netlists " + a.resolve("x.cir") + " and " + a.resolve("x.sp")
                + " would both write x.<plot>.csv"), r.err());
        assertFalse(Files.exists(out), "nothing written");
    }

    @Test
    void aSecondRunIntoTheSameFolderIsRefusedWhileTheFirstHoldsIt(@TempDir Path dir) throws Exception {
        Path netlist = dir.resolve("x.cir");
        Files.write(netlist, List.of("* x", "V1 in 0 dc 1", "R1 in 0 1k", ".op", ".end"));
        Path out = dir.resolve("o");
        try (org.kljn.io.FolderLock held = org.kljn.io.FolderLock.acquire(out, RunCommand.LOCK, "kljn run")) {
            Result r = kljn("run", netlist.toString(), "--out", out.toString(), "--in-process");
            assertEquals(1, r.status(), r.out() + r.err());
            assertTrue(r.err().contains(out + " is being written by another kljn run"), r.err());
            assertFalse(Files.exists(out.resolve("x.op1.csv")));
        }
        Result after = kljn("run", netlist.toString(), "--out", out.toString(), "--in-process");
        assertEquals(0, after.status(), after.out() + after.err());
    }

    @Test
    void aNetlistThatIncludesItselfFailsClearlyAndTheBatchGoesOn(@TempDir Path dir) throws Exception {
        // issue 22 item 13: ngspice recursed until it crashed (exit 139, nothing printed)
        Files.write(dir.resolve("a_self.cir"), List.of("* self", "V1 in 0 dc 1", "R1 in 0 1k", ".include a_self.cir",
                ".op", ".end"));
        Files.write(dir.resolve("b_loop.cir"), List.of("* loop", "V1 in 0 dc 1", ".include c.inc", ".op", ".end"));
        Files.write(dir.resolve("c.inc"), List.of(".include d.inc"));
        Files.write(dir.resolve("d.inc"), List.of("R1 in 0 1k", ".include c.inc"));
        Files.write(dir.resolve("e_fine.cir"), List.of("* fine", "V1 in 0 dc 1", "R1 in 0 1k", ".op", ".end"));
        Result r = kljn("run", dir.toString(), "--out", dir.resolve("o").toString(), "--in-process");
        assertEquals(1, r.status(), r.out() + r.err());
        assertTrue(r.out().contains("FAIL  " + dir.resolve("a_self.cir") + ": netlist file " + dir.resolve("a_self.cir")
                + " includes a file that includes itself"), r.out());
        assertTrue(r.out().contains(dir.resolve("c.inc") + " -> " + dir.resolve("d.inc") + " -> " + dir.resolve("c.inc")),
                r.out());
        assertTrue(r.out().contains("ok    " + dir.resolve("e_fine.cir")), r.out());
    }

    @Test
    void safeRefusesCommandsThatRunProgramsAndOtherwiseTheyAreTrustedCode(@TempDir Path dir) throws Exception {
        Path mark = dir.resolve("ran");
        for (String[] c : new String[][] {{"a_shell.cir", "shell touch " + mark}, {"b_alias.cir", "alias x shell"},
                {"c_var.cir", "$cmd touch " + mark}, {"d_exec.cir", "Shell touch " + mark}}) {
            Files.write(dir.resolve(c[0]), List.of("* code", "V1 in 0 dc 1", "R1 in 0 1k", ".control", "op", c[1],
                    ".endc", ".end"));
        }
        Result r = kljn("run", dir.toString(), "--out", dir.resolve("o").toString(), "--safe");
        assertEquals(1, r.status(), r.out() + r.err());
        assertTrue(r.err().contains("4 of 4 netlists failed"), r.out() + r.err());
        assertTrue(r.out().contains("--safe: netlist file " + dir.resolve("a_shell.cir") + " line 6: the control command"
                + " 'shell' can run a program"), r.out());
        assertFalse(Files.exists(mark), "no command ran");
        // without --safe a netlist is trusted code: its shell command runs, as in ngspice
        Result trusted = kljn("run", dir.resolve("a_shell.cir").toString(), "--out", dir.resolve("t").toString());
        assertEquals(0, trusted.status(), trusted.out() + trusted.err());
        assertTrue(Files.exists(mark));
    }

    @Test
    void tenThousandNetlistNamesAreCheckedAtOnce() {
        // issue 22 item 15: the name check compiled a regex per pair (95 s before the first run at 10,000); it is one
        // map pass now. No time limit here (the machine's speed is not the test's business): 10,000 names pass, each
        // named by its own path
        java.util.Map<Path, String> stems = new java.util.LinkedHashMap<>();
        for (int i = 0; i < 10_000; i++) {
            Path p = Path.of("d" + (i % 100), "n" + i + ".cir");
            stems.put(p, RunCommand.stem(p));
        }
        RunCommand.refuseSharedOutputNames(stems);
        assertEquals("d7_n7", stems.get(Path.of("d7", "n7.cir")));
    }
}
