package org.kljn.ngspice;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Streaming transients with tabulated EXTERNAL sources on a grid ({@link NgSpice#runTabulated}), in the real ngspice
 * library, on both callback paths: the native shim and JNA upcalls. Short refill chunks and hand-over buffers are
 * forced so that every boundary of both is crossed many times.
 */
class TabulatedRunTest {
    private static final double H = 1e-3;
    private static final double PERIOD = 10 * H;
    private static final double STEP = H / 4;

    /** Node k of segment w: distinct per segment (a jump at every join) and curved in k (interpolation shows). */
    private static double node(int segment, int k) {
        return 1000.0 * (segment + 1) + k + 0.25 * k * k;
    }

    private static final TabulatedSource.SegmentValues NODES = (segment, first, into, offset, count) -> {
        for (int i = 0; i < count; i++) {
            into[offset + i] = node(segment, first + i);
        }
    };

    /** Records time and one node voltage of every accepted point. */
    static final class Recorder implements StreamListener {
        private final String node;
        private int time = -1;
        private int column = -1;
        final List<double[]> points = new ArrayList<>();
        final List<Integer> indices = new ArrayList<>();

        Recorder(String node) {
            this.node = node;
        }

        @Override
        public void plotStarted(String plotName, String plotType, List<String> names) {
            time = names.indexOf("time");
            column = names.indexOf(node);
        }

        @Override
        public void point(int index, double[] real, double[] imag) {
            points.add(new double[] {real[time], real[column]});
            indices.add(index);
        }
    }

    private static List<String> divider(double stop) {
        return List.of("tabulated divider", "VX in 0 external", "R1 in out 1k", "R2 out 0 1k", NgSpice.streamOnly(),
                ".tran " + STEP + " " + stop + " 0 " + STEP);
    }

    /** The specification of a segmented table, written out: left-continuous joins, linear between nodes. */
    private static double expected(double t, int segments) {
        int w = t <= 0 ? 0 : (int) Math.ceil(t / PERIOD - 1e-9) - 1;
        w = Math.max(0, Math.min(w, segments - 1));
        double x = Math.max(0, t - w * PERIOD) / H;
        int k = (int) Math.floor(x);
        return node(w, k) + (x - k) * (node(w, k + 1) - node(w, k));
    }

    @ParameterizedTest
    @EnumSource(CallbackPath.class)
    void everyAcceptedPointSeesTheTableAcrossRefillChunksHandOversAndSegmentJoins(CallbackPath path) {
        int segments = 4;
        double stop = segments * PERIOD + STEP / 2;
        TabulatedSource vx = new TabulatedSource("vx", H, PERIOD, segments, NODES);
        // 2 table values per refill (a ring of 8), 3 points per hand-over: boundaries everywhere
        TabulatedRun run = TabulatedRun.of(List.of(vx), STEP, List.of("time", "out")).withBuffers(2, 3);
        Recorder rec = new Recorder("out");
        try (NgSpice s = NgSpice.open(path)) {
            TabulatedRun.Outcome outcome = s.runTabulated(divider(stop), run, rec);
            assertSame(path, outcome.callbacks());
            assertEquals(rec.points.size(), outcome.acceptedPoints());
        }
        // every grid point of the solver step is an accepted point (the grid only shrinks ngspice's steps)
        assertTrue(rec.points.size() >= 161, "points " + rec.points.size());
        double previous = -1;
        for (int i = 0; i < rec.points.size(); i++) {
            double t = rec.points.get(i)[0];
            if (previous >= 0) {
                assertTrue(t - previous <= STEP * (1 + 1e-9), "a step longer than the grid at t = " + t);
            }
            previous = t;
            // the divider halves the source exactly (a linear resistive circuit)
            assertEquals(expected(t, segments), 2 * rec.points.get(i)[1], 1e-9 * expected(t, segments),
                    "source at t = " + t);
        }
        // at the join t = P the point still belongs to segment 0 (left-continuous): node 10 of segment 0 = 1035;
        // one step later it is a quarter of the way from node 0 to node 1 of segment 1: 2000 + 0.25 * 1.25
        assertEquals(1035.0, 2 * valueAt(rec, PERIOD), 1e-9);
        assertEquals(2000.3125, 2 * valueAt(rec, PERIOD + STEP), 1e-9);
        assertEquals(node(3, 10), 2 * valueAt(rec, 4 * PERIOD), 1e-9);
    }

    private static double valueAt(Recorder rec, double t) {
        for (double[] p : rec.points) {
            if (Math.abs(p[0] - t) < 1e-9 * PERIOD) {
                return p[1];
            }
        }
        throw new AssertionError("no accepted point at t = " + t);
    }

    /** A seeded pseudo-random table value: a pure function of (source, segment, node). */
    private static TabulatedSource.SegmentValues random(long source) {
        return (segment, first, into, offset, count) -> {
            for (int i = 0; i < count; i++) {
                into[offset + i] = new java.util.SplittableRandom(source * 1_000_003L + segment * 100_003L + first + i)
                        .nextDouble(-1, 1);
            }
        };
    }

    @Test
    void theShimAndJnaPathsGiveBitIdenticalPointsOnACapacitiveCircuit() {
        assertTrue(NgSpice.shimAvailable(), "the shim must load here: " + NgSpice.shimProblem());
        int segments = 6;
        double stop = segments * PERIOD + STEP / 2;
        List<String> deck = List.of("two tabulated sources into an RC", "VX in 0 external", "VY 0 far external",
                "R1 in out 1k", "C1 out 0 470n", "R2 out far 2.2k", NgSpice.streamOnly(),
                ".tran " + STEP + " " + stop + " 0 " + STEP);
        List<List<double[]>> results = new ArrayList<>();
        List<List<Integer>> indices = new ArrayList<>();
        for (CallbackPath path : CallbackPath.values()) {
            TabulatedRun run = TabulatedRun.of(List.of(new TabulatedSource("VX", H, PERIOD, segments, random(1)),
                    new TabulatedSource("VY", H, PERIOD, segments, random(2))), STEP, List.of()).withBuffers(4, 7);
            Recorder rec = new Recorder("out");
            try (NgSpice s = NgSpice.open(path)) {
                s.runTabulated(deck, run, rec);
            }
            results.add(rec.points);
            indices.add(rec.indices);
        }
        assertEquals(indices.get(0), indices.get(1), "SendData's point indices");
        assertEquals(results.get(0).size(), results.get(1).size(), "accepted points");
        assertTrue(results.get(0).size() > 6 * 40);
        for (int i = 0; i < results.get(0).size(); i++) {
            assertArrayEquals(results.get(0).get(i), results.get(1).get(i), 0.0, "point " + i);
        }
        // the capacitor really moved: not a trivially constant node
        assertTrue(results.get(0).stream().mapToDouble(p -> Math.abs(p[1])).max().orElse(0) > 0.05);
    }

    @ParameterizedTest
    @EnumSource(CallbackPath.class)
    void aTableAskedPastItsEndOrARefillThatThrowsIsReportedAndTheSessionGoesOn(CallbackPath path) {
        try (NgSpice s = NgSpice.open(path)) {
            // two segments, run for three: the source is asked past its last node
            TabulatedRun tooShort = TabulatedRun.of(List.of(new TabulatedSource("vx", H, PERIOD, 2, NODES)), STEP,
                    List.of("time", "out"));
            NgSpiceException past = assertThrows(NgSpiceException.class,
                    () -> s.runTabulated(divider(3 * PERIOD), tooShort, new Recorder("out")));
            assertTrue(fullText(past).contains("past its last node"), fullText(past));

            // the table's supplier fails in segment 1
            TabulatedSource.SegmentValues failing = (segment, first, into, offset, count) -> {
                if (segment == 1) {
                    throw new IllegalStateException("no noise for segment 1");
                }
                NODES.fill(segment, first, into, offset, count);
            };
            TabulatedRun run = TabulatedRun.of(List.of(new TabulatedSource("vx", H, PERIOD, 3, failing)), STEP,
                    List.of("time", "out")).withBuffers(2, 3);
            NgSpiceException thrown = assertThrows(NgSpiceException.class,
                    () -> s.runTabulated(divider(3 * PERIOD), run, new Recorder("out")));
            assertTrue(fullText(thrown).contains("no noise for segment 1"), fullText(thrown));

            // a listener that fails
            StreamListener bad = new StreamListener() {
                private int points;

                @Override
                public void plotStarted(String plotName, String plotType, List<String> names) {
                }

                @Override
                public void point(int index, double[] real, double[] imag) {
                    if (++points == 50) {
                        throw new ArithmeticException("listener gave up at point 50");
                    }
                }
            };
            NgSpiceException listenerFailed = assertThrows(NgSpiceException.class, () -> s.runTabulated(
                    divider(2 * PERIOD), TabulatedRun.of(List.of(new TabulatedSource("vx", H, PERIOD, 2, NODES)),
                            STEP, List.of("time", "out")), bad));
            assertTrue(fullText(listenerFailed).contains("listener gave up"), fullText(listenerFailed));

            // still usable, on the same path, with the hooks gone: a plain operating point
            s.loadCircuit(List.of("divider", "V1 in 0 dc 2", "R1 in out 1k", "R2 out 0 3k", ".op"));
            s.run();
            assertEquals(1.5, s.vector("out").last(), 1e-12);
            assertSame(path, s.callbacks());
            // and a good tabulated run after the failures
            Recorder rec = new Recorder("out");
            s.runTabulated(divider(PERIOD + STEP / 2), TabulatedRun.of(List.of(new TabulatedSource("vx", H, PERIOD, 1,
                    NODES)), STEP, List.of("time", "out")), rec);
            assertEquals(node(0, 10), 2 * valueAt(rec, PERIOD), 1e-9);
        }
    }

    private static String fullText(Throwable t) {
        StringBuilder sb = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            sb.append(c).append(" | ");
        }
        return sb.toString();
    }

    @Test
    void theShimIsBuiltAndUsedWhereverACompilerExists() {
        boolean gcc = java.util.Arrays.stream(System.getenv().getOrDefault("PATH", "").split(":"))
                .anyMatch(dir -> java.nio.file.Files.isExecutable(java.nio.file.Path.of(dir, "gcc")));
        if (gcc) {
            // the build compiles native/shim/kljn_stream.c whenever gcc is there: no silent fallback
            assertTrue(NgSpice.shimAvailable(), "gcc is on the PATH but the shim did not load: " + NgSpice.shimProblem());
            assertSame(System.getProperty(CallbackPath.PROPERTY, "").isBlank() ? CallbackPath.SHIM
                    : CallbackPath.preferred(), CallbackPath.preferred());
        } else {
            assertFalse(NgSpice.shimAvailable());
            assertSame(CallbackPath.JNA, CallbackPath.preferred(), "without the shim sessions use JNA callbacks");
        }
    }
}
