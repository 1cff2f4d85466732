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
}
