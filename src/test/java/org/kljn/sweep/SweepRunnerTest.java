package org.kljn.sweep;

import org.kljn.io.ProgressBar;

import org.kljn.io.Csv;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The runner, the results file, resume and merge, with a cheap deterministic evaluator (no ngspice). */
class SweepRunnerTest {
    /** How long a wait may take before the test calls it a hang: far above any run on a loaded machine. */
    private static final Duration HANG_GUARD = Duration.ofMinutes(20);

    static final SweepSpec SPEC = SweepSpec.parse("""
            rl: 100, 1k
            alice: H, L
            cable: lumped, ltra
            cc: 100n
            beta: lin 0.9 1.1 5, eq11, null
            """, "test.spec", Path.of("."));

    static final List<String> COLUMNS = List.of("gain", "keyLength", "note");

    /** Deterministic and cheap; the note needs CSV quoting. */
    static Map<String, Object> evaluate(SweepPoint p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("gain", p.rh() / (p.rl() + p.rh()) * (p.beta().isNumber() ? p.beta().value() : 1));
        m.put("keyLength", p.key().length());
        m.put("note", p.index() % 7 == 0 ? "a, \"quoted\"\nnote" : null);
        return m;
    }

    static SweepRunner.Options quiet(int jobs) {
        return SweepRunner.Options.defaults().withJobs(jobs).withProgress(ProgressBar.Mode.NEVER, System.err);
    }

    static SweepRunner.Summary run(Path out, SweepRunner.Options o, Function<SweepPoint, Map<String, Object>> f)
            throws IOException {
        return SweepRunner.create(SPEC, COLUMNS, f, out, o).run();
    }

    /** The file's rows sorted by index, header first (its stamp line, checked, left out). */
    static List<String> sorted(Path file) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        assertTrue(lines.get(0).startsWith(SweepStamp.PREFIX), lines.get(0));
        lines.remove(0);
        String header = lines.remove(0);
        lines.sort(Comparator.comparingInt(l -> Integer.parseInt(l.substring(0, l.indexOf(',')))));
        lines.add(0, header);
        return lines;
    }

    @Test
    void writesOneRowPerPointWithHeaderAndQuoting(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("r.csv");
        SweepRunner.Summary s = run(out, quiet(3), SweepRunnerTest::evaluate);
        assertEquals(SPEC.size(), s.selected());
        assertEquals(SPEC.size(), s.ok());
        assertEquals(0, s.remaining());
        assertFalse(s.stopped());
        List<String> lines = sorted(out);
        assertEquals(SPEC.size() + 1, lines.size());
        assertEquals("index,key,rl,rh,alice,cable,preset,length,rc,cc,lc,sections,subckt,subcktName,teff,bandwidth,"
                + "beta,bitSamples,bits,seed,gain,keyLength,note,status,error", lines.get(0));
        SweepPoint p0 = SPEC.point(0);
        assertEquals("0," + p0.key() + ",100,10000,H,lumped,,,100,1.0e-7,0,20,,,1000000000,1000,0.9,"
                + "1000,100,1," + (10000.0 / 10100 * 0.9) + "," + p0.key().length() + ",\"a, \"\"quoted\"\" note\",ok,", lines.get(1));
        assertEquals(List.of("1", p0.key().replace("beta=0.9", "beta=0.95")),
                Csv.parse(lines.get(2)).subList(0, 2));
        assertTrue(lines.get(6).contains(",eq11,"), lines.get(6));
        assertTrue(lines.get(7).contains(",null,"), lines.get(7));
        for (String l : lines) {
            assertEquals(25, Csv.parse(l).size(), l);
        }
        // a finished run leaves its rows in index order, as merge writes them
        List<String> written = Files.readAllLines(out);
        assertEquals(SweepStamp.of(SPEC, Shard.ALL).line(), written.get(0));
        assertEquals(lines, written.subList(1, written.size()));
        // the same content whatever the number of workers
        Path one = dir.resolve("one.csv");
        run(one, quiet(1), SweepRunnerTest::evaluate);
        assertEquals(sorted(one), lines);
    }

    @Test
    void refusesToOverwriteWithoutResume(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("r.csv");
        run(out, quiet(2), SweepRunnerTest::evaluate);
        FileAlreadyExistsException e = assertThrows(FileAlreadyExistsException.class,
                () -> run(out, quiet(2), SweepRunnerTest::evaluate));
        assertTrue(e.getMessage().contains("continue it with --resume"), e.getMessage());
    }

    @Test
    void failingPointsAreRecordedAndTheSweepGoesOn(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("r.csv");
        SweepRunner.Summary s = run(out, quiet(2), p -> {
            if (p.index() % 5 == 3) {
                throw new IllegalStateException("no beta > 0 nulls\nthe signal at point " + p.index());
            }
            if (p.index() == 4) {
                return Map.of("gain", 1.0, "bogus", 2.0);
            }
            return evaluate(p);
        });
        int failing = (int) SPEC.points().stream().filter(p -> p.index() % 5 == 3 || p.index() == 4).count();
        assertEquals(failing, s.failed());
        assertEquals(SPEC.size() - failing, s.ok());
        List<String> lines = sorted(out);
        List<String> row3 = Csv.parse(lines.get(4));
        assertEquals("3", row3.get(0));
        assertEquals(List.of("", "", "", "failed",
                "IllegalStateException: no beta > 0 nulls the signal at point 3"), row3.subList(20, 25));
        assertEquals(List.of("100", "10000", "H", "lumped"), row3.subList(2, 6)); // the parameters are kept
        List<String> row4 = Csv.parse(lines.get(5));
        assertEquals("failed", row4.get(23));
        assertTrue(row4.get(24).contains("the evaluator returned 'bogus', which is not a result column"), row4.get(24));
        assertEquals("ok", Csv.parse(lines.get(6)).get(23));
        // an Error is not a failed point: it stops the sweep and reaches the caller
        AssertionError boom = assertThrows(AssertionError.class, () -> run(dir.resolve("e.csv"), quiet(2), p -> {
            throw new AssertionError("boom");
        }));
        assertEquals("boom", boom.getMessage());
    }

    @Test
    void resumeAfterAKillEqualsAnUninterruptedRun(@TempDir Path dir) throws Exception {
        Path full = dir.resolve("full.csv");
        run(full, quiet(2), SweepRunnerTest::evaluate);
        byte[] fullBytes = Files.readAllBytes(full);
        List<String> fullLines = Files.readAllLines(full);
        for (int k : new int[]{0, 1, 9, SPEC.size() - 1}) {
            // a killed run: the stamp, the header, k whole rows, then part of the next row
            Path killed = dir.resolve("killed" + k + ".csv");
            StringBuilder b = new StringBuilder();
            for (int i = 0; i <= k + 1; i++) {
                b.append(fullLines.get(i)).append('\n');
            }
            String torn = fullLines.get(k + 2);
            b.append(torn, 0, torn.length() / 2);
            Files.writeString(killed, b.toString());
            Set<Integer> evaluated = ConcurrentHashMap.newKeySet();
            SweepRunner.Summary s = run(killed, quiet(3).withResume(true), p -> {
                evaluated.add(p.index());
                return evaluate(p);
            });
            assertEquals(k, s.alreadyDone());
            assertEquals(torn.length() / 2, s.droppedBytes());
            assertEquals(SPEC.size() - k, evaluated.size());
            assertEquals(SPEC.size() - k, s.ok());
            assertEquals(sorted(full), sorted(killed));
            // resuming a finished file does nothing
            SweepRunner.Summary again = run(killed, quiet(3).withResume(true), p -> {
                throw new AssertionError("nothing left to do");
            });
            assertEquals(SPEC.size(), again.alreadyDone());
        }
        // a torn stamp or header (killed while starting the file) is rewritten
        Path tornStamp = dir.resolve("torn-stamp.csv");
        Files.writeString(tornStamp, fullLines.get(0).substring(0, 30));
        run(tornStamp, quiet(2).withResume(true), SweepRunnerTest::evaluate);
        assertEquals(sorted(full), sorted(tornStamp));
        Path tornHeader = dir.resolve("torn-header.csv");
        Files.writeString(tornHeader, fullLines.get(0) + "\nindex,key,r");
        run(tornHeader, quiet(2).withResume(true), SweepRunnerTest::evaluate);
        assertEquals(sorted(full), sorted(tornHeader));
        // resume of a missing file starts anew
        Path fresh = dir.resolve("fresh.csv");
        run(fresh, quiet(2).withResume(true), SweepRunnerTest::evaluate);
        assertEquals(sorted(full), sorted(fresh));
        assertArrayEquals(fullBytes, Files.readAllBytes(full));
    }

    @Test
    void resumeRefusesAFileOfAnotherSweep(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("r.csv");
        run(out, quiet(2), SweepRunnerTest::evaluate);
        IllegalStateException cols = assertThrows(IllegalStateException.class, () -> SweepRunner.create(SPEC,
                List.of("gain", "other"), SweepRunnerTest::evaluate, out, quiet(1).withResume(true)).run());
        assertTrue(cols.getMessage().contains("its columns are not this sweep's, so it cannot be resumed: column 22"
                + " is 'keyLength' in the file but 'other' for this sweep"), cols.getMessage());
        SweepSpec changed = SweepSpec.parse("rl: 100, 2k\nalice: H, L\ncable: lumped, ltra\ncc: 100n\n"
                + "beta: lin 0.9 1.1 5, eq11, null\n", "changed.spec", Path.of("."));
        IllegalStateException keys = assertThrows(IllegalStateException.class, () -> SweepRunner.create(changed,
                COLUMNS, SweepRunnerTest::evaluate, out, quiet(1).withResume(true)).run());
        assertTrue(keys.getMessage().contains("the spec changed since the file was written"), keys.getMessage());
    }

    @Test
    void shardsMergedEqualTheUnshardedRunByteForByte(@TempDir Path dir) throws Exception {
        Path full = dir.resolve("full.csv");
        run(full, quiet(3), SweepRunnerTest::evaluate);
        Path s1 = dir.resolve("s1.csv");
        Path s2 = dir.resolve("s2.csv");
        SweepRunner.Summary a = run(s1, quiet(2).withShard(Shard.parse("1/2")), SweepRunnerTest::evaluate);
        SweepRunner.Summary b = run(s2, quiet(2).withShard(Shard.parse("2/2")), SweepRunnerTest::evaluate);
        assertEquals(SPEC.size(), a.selected() + b.selected());
        Path merged = dir.resolve("merged.csv");
        SweepMerge.Result r = SweepMerge.merge(List.of(s2, s1), merged);
        assertEquals(SPEC.size(), r.rows());
        assertEquals(List.of(), r.missing(SPEC.size()));
        Path fullSorted = dir.resolve("full-sorted.csv");
        SweepMerge.merge(List.of(full), fullSorted);
        assertEquals(-1, Files.mismatch(merged, fullSorted));
        assertEquals(-1, Files.mismatch(merged, full), "the unsharded run's file is the merged file, byte for byte");
        // a lone shard is refused, without the spec: its stamp says it is 1 of 2
        IllegalArgumentException half = assertThrows(IllegalArgumentException.class,
                () -> SweepMerge.merge(List.of(s1), dir.resolve("half.csv")));
        assertTrue(half.getMessage().contains("shard 2/2 is not among the inputs; give every shard's file; nothing written"),
                half.getMessage());
        assertFalse(Files.exists(dir.resolve("half.csv")));
    }

    @Test
    void mergeRefusesOverlapsOtherHeadersAndTornFiles(@TempDir Path dir) throws Exception {
        Path s1 = dir.resolve("s1.csv");
        run(s1, quiet(2).withShard(new Shard(1, 2)), SweepRunnerTest::evaluate);
        Path out = dir.resolve("m.csv");
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
                () -> SweepMerge.merge(List.of(s1, s1), out));
        assertTrue(twice.getMessage().matches(".*s1.csv and .*s1.csv are both shard 1/2 .*"), twice.getMessage());
        Path other = dir.resolve("other.csv");
        SweepRunner.create(SPEC, List.of("gain"), p -> Map.of("gain", 1.0), other,
                quiet(1).withShard(new Shard(2, 2))).run();
        IllegalArgumentException header = assertThrows(IllegalArgumentException.class,
                () -> SweepMerge.merge(List.of(s1, other), out));
        assertTrue(header.getMessage().contains("other.csv:2: header differs from"), header.getMessage());
        Path torn = dir.resolve("torn.csv");
        Files.writeString(torn, Files.readString(s1) + "17,rl=");
        IllegalArgumentException t = assertThrows(IllegalArgumentException.class,
                () -> SweepMerge.merge(List.of(torn), out));
        assertTrue(t.getMessage().contains("partial last line (the run was killed); finish it with --resume"),
                t.getMessage());
        assertFalse(Files.exists(out));
    }

    /** Issue 22 item 8: a resume continues only a file this sweep wrote; anything else is refused untouched. */
    @Test
    void resumeRefusesAFileItDidNotWriteAndLeavesItUntouched(@TempDir Path dir) throws Exception {
        byte[][] foreign = {"precious notes, one line".getBytes(StandardCharsets.UTF_8), {0, 1, 2, (byte) 0xff, 7},
                "index,key,x\n1,a,2\n".getBytes(StandardCharsets.UTF_8), "#".getBytes(StandardCharsets.UTF_8)};
        for (byte[] bytes : foreign) {
            Path precious = dir.resolve("precious.txt");
            Files.write(precious, bytes);
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> run(precious, quiet(1).withResume(true), SweepRunnerTest::evaluate));
            assertTrue(e.getMessage().contains("not a results file of kljn sweep") && e.getMessage().contains(
                    "nothing written"), e.getMessage());
            assertArrayEquals(bytes, Files.readAllBytes(precious), "the file is untouched");
        }
        // the results file of another shard of this sweep is refused too
        Path s1 = dir.resolve("s1.csv");
        run(s1, quiet(1).withShard(new Shard(1, 2)), SweepRunnerTest::evaluate);
        byte[] before = Files.readAllBytes(s1);
        IllegalStateException shard = assertThrows(IllegalStateException.class,
                () -> run(s1, quiet(1).withShard(new Shard(1, 3)).withResume(true), SweepRunnerTest::evaluate));
        assertTrue(shard.getMessage().contains("s1.csv"), shard.getMessage());
        assertArrayEquals(before, Files.readAllBytes(s1));
    }

    /** Issue 22 item 2: an edited subckt file changes the fingerprint, so a resume refuses the old rows. */
    @Test
    void resumeRefusesRowsOfAnEditedSubcircuitFile(@TempDir Path dir) throws Exception {
        Path lib = dir.resolve("line.lib");
        Files.writeString(lib, ".subckt myline a b\nR1 a b 100\n.ends myline\n");
        String text = "cable: subckt\nsubckt: line.lib myline\nbeta: 1, null\n";
        SweepSpec first = SweepSpec.parse(text, "s.spec", dir);
        Path out = dir.resolve("r.csv");
        SweepRunner.create(first, COLUMNS, SweepRunnerTest::evaluate, out, quiet(1)).run();
        // the subckt point has no R_c of its own: no default 100 shown (item 6)
        List<String> row = Csv.parse(Files.readAllLines(out).get(2));
        assertEquals(List.of("", "", ""), row.subList(8, 11), "rc, cc, lc of a subckt point");
        assertEquals(first.fingerprint(), SweepSpec.parse(text, "s.spec", dir).fingerprint(), "same files, same spec");
        Files.writeString(lib, ".subckt myline a b\nR1 a b 200\n.ends myline\n");
        SweepSpec edited = SweepSpec.parse(text, "s.spec", dir);
        byte[] before = Files.readAllBytes(out);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> SweepRunner.create(edited, COLUMNS,
                SweepRunnerTest::evaluate, out, quiet(1).withResume(true)).run());
        assertTrue(e.getMessage().contains("a file a point reads (a subckt file), changed"), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(out));
    }

    /** Issue 22 item 10: merge never overwrites an input, and tells sweeps apart without the spec. */
    @Test
    void mergeRefusesItsOwnInputAsOutputAndPartsOfAnotherSweep(@TempDir Path dir) throws Exception {
        Path s1 = dir.resolve("s1.csv");
        Path s2 = dir.resolve("s2.csv");
        run(s1, quiet(1).withShard(new Shard(1, 2)), SweepRunnerTest::evaluate);
        run(s2, quiet(1).withShard(new Shard(2, 2)), SweepRunnerTest::evaluate);
        byte[] before = Files.readAllBytes(s1);
        IllegalArgumentException self = assertThrows(IllegalArgumentException.class,
                () -> SweepMerge.merge(List.of(s1, s2), s1));
        assertTrue(self.getMessage().contains("--out " + s1 + " is also an input") && self.getMessage().contains(
                "nothing written"), self.getMessage());
        assertArrayEquals(before, Files.readAllBytes(s1));
        SweepSpec other = SweepSpec.parse("rl: 100, 2k\nalice: H, L\ncable: lumped, ltra\ncc: 100n\n"
                + "beta: lin 0.9 1.1 5, eq11, null\n", "other.spec", Path.of("."));
        Path o2 = dir.resolve("o2.csv");
        SweepRunner.create(other, COLUMNS, SweepRunnerTest::evaluate, o2, quiet(1).withShard(new Shard(2, 2))).run();
        Path out = dir.resolve("m.csv");
        IllegalArgumentException mixed = assertThrows(IllegalArgumentException.class,
                () -> SweepMerge.merge(List.of(s1, o2), out));
        assertTrue(mixed.getMessage().contains("o2.csv:1: a part of another sweep than"), mixed.getMessage());
        assertFalse(Files.exists(out));
    }

    /** Issue 22 item 6: resistances and capacitances refuse the m/M suffix (SPICE reads both as milli). */
    @Test
    void specRefusesMilliMegaAmbiguityInResistancesAndCapacitances() {
        for (String text : List.of("rc: 1M\n", "rl: 1m\n", "rh: 10k, 1M\n", "cable: ladder\ncc: 1m\n")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> SweepSpec.parse(text, "m.spec", Path.of(".")), text);
            assertTrue(e.getMessage().contains("is ambiguous: SPICE reads the suffix") && e.getMessage().contains("meg"),
                    text + ": " + e.getMessage());
        }
    }

    /** Issue 22: the spec's bit count has one bound, the attack's, whichever check meets it. */
    @Test
    void specBitsHaveOneBound() {
        for (String bits : List.of("20000000", "3000000000")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> SweepSpec.parse("analyses: exact, attack\nbits: " + bits + "\n", "b.spec", Path.of(".")));
            assertTrue(e.getMessage().contains("b.spec:2: bits: must be an integer from 1 to 10000000, got '" + bits
                    + "'"), e.getMessage());
        }
    }

    @Test
    void interruptStopsCleanlyAndResumeFinishes(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("r.csv");
        int quick = 6;
        AtomicInteger inFlight = new AtomicInteger();
        Function<SweepPoint, Map<String, Object>> slow = p -> {
            if (p.index() >= quick) {
                inFlight.incrementAndGet();
                try {
                    Thread.sleep(3_600_000); // until the interrupt (an hour: never returns on its own)
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                }
            }
            return evaluate(p);
        };
        AtomicReference<SweepRunner.Summary> summary = new AtomicReference<>();
        AtomicReference<Throwable> error = new AtomicReference<>();
        SweepRunner runner = SweepRunner.create(SPEC, COLUMNS, slow, out, quiet(2));
        Thread t = new Thread(() -> {
            try {
                summary.set(runner.run());
            } catch (Throwable e) {
                error.set(e);
            }
        });
        t.start();
        // hang guards only (tens of minutes): a loaded machine may take long, never makes this fail
        long deadline = System.nanoTime() + HANG_GUARD.toNanos();
        while (inFlight.get() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(2, inFlight.get());
        t.interrupt();
        t.join(HANG_GUARD.toMillis());
        assertFalse(t.isAlive());
        assertEquals(null, error.get());
        SweepRunner.Summary s = summary.get();
        assertTrue(s.stopped());
        assertEquals(quick, s.ok());
        assertEquals(0, s.failed()); // the interrupted points are not recorded as failed
        String text = Files.readString(out);
        assertTrue(text.endsWith("\n"));
        assertEquals(quick + 2, text.lines().count());
        assertTrue(runner.isStopped());

        SweepRunner.Summary rest = run(out, quiet(2).withResume(true), SweepRunnerTest::evaluate);
        assertEquals(quick, rest.alreadyDone());
        Path full = dir.resolve("full.csv");
        run(full, quiet(2), SweepRunnerTest::evaluate);
        assertEquals(sorted(full), sorted(out));
    }

    @Test
    void stopDoesNotWaitForeverForAnEvaluatorThatIgnoresInterrupts(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("r.csv");
        AtomicInteger started = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch returned = new CountDownLatch(1);
        // ignores interrupts and returns only when the test releases it, after the run has returned: no clock decides
        Function<SweepPoint, Map<String, Object>> stubborn = p -> {
            started.incrementAndGet();
            while (release.getCount() > 0) {
                try {
                    release.await();
                } catch (InterruptedException ignored) {
                    // keeps going
                }
            }
            try {
                return evaluate(p);
            } finally {
                returned.countDown();
            }
        };
        SweepRunner runner = SweepRunner.create(SPEC, COLUMNS, stubborn, out,
                quiet(1).withStopGrace(Duration.ofMillis(100)));
        AtomicReference<Boolean> endedInTime = new AtomicReference<>();
        Thread stopper = new Thread(() -> {
            try {
                while (started.get() == 0) {
                    Thread.sleep(5);
                }
                endedInTime.set(runner.stopAndWait(HANG_GUARD));
            } catch (InterruptedException e) {
                endedInTime.set(false);
            }
        });
        stopper.start();
        SweepRunner.Summary s = runner.run();
        // the run returned while the evaluation was still blocked: after the grace, not after the evaluation
        assertEquals(1, release.getCount(), "run returned before the stubborn evaluation");
        assertTrue(s.stopped());
        assertEquals(0, s.ok());
        stopper.join();
        assertEquals(Boolean.TRUE, endedInTime.get());
        release.countDown(); // the stubborn evaluation returns now: its row must not appear
        assertTrue(returned.await(HANG_GUARD.toMillis(), TimeUnit.MILLISECONDS));
        Thread.sleep(200); // (a row written late would show here; a slow machine could only hide it, never fail)
        assertEquals(2, Files.readAllLines(out).size(), "the stamp and the header only");
    }

    @Test
    void progressBar() {
        assertEquals("[===============>              ] 50/100 points, ETA 1m03s",
                ProgressBar.render(50, 100, 0, 63));
        assertEquals("[>                             ] 0/7 points, 2 failed, ETA --", ProgressBar.render(0, 7, 2, -1));
        assertEquals("[==============================] 7/7 points", ProgressBar.render(7, 7, 0, 0));
        assertEquals("42s", ProgressBar.duration(42));
        assertEquals("2h05m", ProgressBar.duration(2 * 3600 + 5 * 60 + 9));
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(buf, true, StandardCharsets.UTF_8);
        ProgressBar never = ProgressBar.create(ProgressBar.Mode.NEVER, ps, 3, 0);
        never.pointDone(true);
        never.finish();
        assertEquals("", buf.toString(StandardCharsets.UTF_8));
        // auto onto something that is not a terminal: a line every 30 s (io.ProgressBarTest, on a test clock)
        ProgressBar always = ProgressBar.create(ProgressBar.Mode.ALWAYS, ps, 3, 1);
        always.pointDone(true);
        always.pointDone(false);
        always.finish();
        String text = buf.toString(StandardCharsets.UTF_8);
        assertTrue(text.startsWith("[====================>         ] 2/3 points, ETA "), text);
        assertTrue(text.endsWith("] 3/3 points, 1 failed\n"), text);
    }

    @Test
    void progressDuringARun(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(buf, true, StandardCharsets.UTF_8);
        run(dir.resolve("r.csv"), quiet(2).withProgress(ProgressBar.Mode.ALWAYS, ps), SweepRunnerTest::evaluate);
        String text = buf.toString(StandardCharsets.UTF_8);
        assertTrue(text.endsWith("] " + SPEC.size() + "/" + SPEC.size() + " points\n"), text);
    }

    @Test
    void describeKeepsCausesOnOneLine() {
        assertEquals("RuntimeException: outer <- IOException: inner\nline".replace("\n", " "),
                SweepRunner.describe(new RuntimeException("outer", new IOException("inner\nline"))));
        assertEquals("NullPointerException", SweepRunner.describe(new NullPointerException()));
    }
}
