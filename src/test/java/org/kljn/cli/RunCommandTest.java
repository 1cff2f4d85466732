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
import static org.junit.jupiter.api.Assertions.assertNull;
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
        assertTrue(r.out().contains("FAIL  " + dir.resolve("nope.cir") + ": cannot read netlist file "
                + dir.resolve("nope.cir") + ": no such file"), r.out());
    }

    /**
     * What needs no ngspice is refused by the parent before any worker JVM starts, in the words the batch prints
     * (missing, a folder, empty, binary, --safe code); a netlist that passes is left to ngspice (null).
     */
    @Test
    void theParentRefusesWhatNeedsNoNgspice(@TempDir Path dir) throws Exception {
        Files.write(dir.resolve("empty.cir"), new byte[0]);
        Files.write(dir.resolve("binary.cir"), new byte[] {'*', 0, '\n'});
        Files.write(dir.resolve("code.cir"), List.of("* code", "R1 in 0 1k", ".control", "shell ls", ".endc", ".end"));
        Files.createDirectories(dir.resolve("folder.cir"));
        assertEquals("cannot read netlist file " + dir.resolve("nope.cir") + ": no such file",
                RunCommand.refusal(dir.resolve("nope.cir"), false).error());
        assertEquals("cannot read netlist file " + dir.resolve("folder.cir") + ": is a folder",
                RunCommand.refusal(dir.resolve("folder.cir"), false).error());
        assertEquals("empty netlist file " + dir.resolve("empty.cir"),
                RunCommand.refusal(dir.resolve("empty.cir"), false).error());
        assertTrue(RunCommand.refusal(dir.resolve("binary.cir"), false).error().contains("is not text (a NUL byte at"
                + " offset 1)"));
        assertTrue(RunCommand.refusal(dir.resolve("code.cir"), true).error().startsWith("--safe: netlist file "
                + dir.resolve("code.cir") + " line 4: the control command 'shell'"));
        assertNull(RunCommand.refusal(dir.resolve("code.cir"), false), "trusted code is ngspice's to run");
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

    /** A node behind a 1e9 s time constant, fed by a steep exponential that Newton and gmin stepping cannot solve. */
    private static List<String> stiffOp(String... options) {
        List<String> l = new java.util.ArrayList<>(List.of("* steep exponential", "V1 in 0 5", "R1 in a 1",
                "B1 a 0 I = 1e-3*exp(400*v(a))", "C1 a 0 1", "Rbig a b 1e9", "C2 b 0 1"));
        l.addAll(List.of(options));
        l.addAll(List.of(".op", ".end"));
        return l;
    }

    @Test
    void anOperatingPointLeftToTheTransientFallbackAfterGminSteppingFailedIsAFailure(@TempDir Path dir)
            throws Exception {
        // issue 22 item 7: gmin stepping fails, source stepping is off, and 39.3's transient-op fallback "finishes
        // successfully" at v(a) = -2.24 V, v(b) = 3.07 V (b hangs on a by 1 Gohm: at DC v(b) = v(a) = 0.0213 V)
        Files.write(dir.resolve("stiff.cir"), stiffOp(".options srcsteps=0"));
        // the same circuit with source stepping on: gmin stepping fails too, source stepping converges, and that
        // operating point is a DC solution (I_B = 1e-3 exp(400 v(a)) = (5 - v(a)) / 1 ohm), so it stays ok
        Files.write(dir.resolve("stepped.cir"), stiffOp());
        Path out = dir.resolve("o");

        Result r = kljn("run", dir.resolve("stiff.cir").toString(), dir.resolve("stepped.cir").toString(),
                "--out", out.toString());

        assertEquals(1, r.status(), r.out() + r.err());
        assertTrue(r.out().contains("FAIL  " + dir.resolve("stiff.cir") + ": ")
                && r.out().contains("did not converge (gmin stepping failed)"), r.out());
        assertFalse(Files.exists(out.resolve("stiff.op1.csv")), "no wrong operating point written");
        assertTrue(r.out().contains("warn  " + dir.resolve("stepped.cir") + ": Warning: Dynamic gmin stepping failed"),
                r.out());
        assertTrue(r.out().contains("ok    " + dir.resolve("stepped.cir")), r.out());
        List<String> op = Files.readAllLines(out.resolve("stepped.op1.csv"));
        List<String> names = List.of(op.get(0).split(","));
        double a = Double.parseDouble(op.get(1).split(",")[names.indexOf("a")]);
        double b = Double.parseDouble(op.get(1).split(",")[names.indexOf("b")]);
        assertEquals(a, b, 1e-9, "at DC no current flows through Rbig");
        // KCL at a: 1e-3 exp(400 a) = 5 - a, to ngspice's voltage tolerance (reltol 1e-3 of v(a) plus vntol 1 uV)
        assertEquals(Math.log(1e3 * (5 - a)) / 400, a, 1e-3 * Math.abs(a) + 1e-6, "KCL at node a");
    }

    @Test
    void withoutTimeoutEachNetlistHasAnHourAndTheHelpSaysSo() {
        // issue 22 item 13: without --timeout a netlist that never ends hung `run` forever (FaultIT stops one at an
        // explicit limit; an hour-long test of the default itself would be a slow test, not a better one)
        assertEquals(java.time.Duration.ofHours(1), RunCommand.timeLimit(null));
        assertEquals(java.time.Duration.ofMillis(2500), RunCommand.timeLimit(2.5));
        Result help = kljn("run", "--help");
        assertTrue(help.out().replaceAll("\\s+", " ").contains("default: 3600, so that a netlist that never ends"),
                help.out());
    }

    @Test
    void eachWarningIsARowOfItsOwnInRunWarningsCsv(@TempDir Path dir) throws Exception {
        // issue 22 item 7: several warnings ran together in one summary cell, joined by " | "
        Files.write(dir.resolve("w.cir"), List.of("* two model warnings", "V1 in 0 dc 1", "R1 in a 1k",
                "D1 a 0 dm", "D2 a 0 dn", ".model dm d(is=1e-14 foo=3)", ".model dn d(is=1e-14, bar=4)", ".op", ".end"));
        Files.write(dir.resolve("x.cir"), List.of("* clean", "V1 in 0 dc 1", "R1 in 0 1k", ".op", ".end"));
        Path out = dir.resolve("o");
        Result r = kljn("run", dir.resolve("w.cir").toString(), dir.resolve("x.cir").toString(),
                "--out", out.toString());
        assertEquals(0, r.status(), r.out() + r.err());
        List<String> shown = r.out().lines().filter(l -> l.startsWith("warn  ")).toList();
        List<String> rows = Files.readAllLines(out.resolve(RunCommand.WARNINGS));
        assertEquals("netlist,warning", rows.get(0));
        assertEquals(2, shown.size(), r.out());
        assertEquals(shown.size(), rows.size() - 1, "one row per warning shown: " + rows);
        for (int i = 0; i < shown.size(); i++) {
            String w = shown.get(i).substring(("warn  " + dir.resolve("w.cir") + ": ").length());
            String row = rows.get(i + 1);
            assertTrue(row.startsWith(dir.resolve("w.cir") + ",") && row.contains(w.replace("\"", "\"\"")), row);
            assertFalse(row.contains(" | "), row);
        }
        List<String> summary = Files.readAllLines(out.resolve(RunCommand.SUMMARY));
        assertEquals("netlist,status,outputs,warnings,error", summary.get(0));
        assertTrue(summary.get(1).startsWith(dir.resolve("w.cir") + ",ok,") && summary.get(1).endsWith(","
                + shown.size() + ","), summary.get(1));
        assertTrue(summary.get(2).endsWith(",0,"), summary.get(2));
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
