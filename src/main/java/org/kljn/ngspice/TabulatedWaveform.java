package org.kljn.ngspice;

import java.util.function.DoubleUnaryOperator;

/**
 * The JNA path's evaluator of a {@link TabulatedSource}: the same ring of table values, refilled a chunk at a time,
 * and the same IEEE operations as the shim's {@code tabulated()} in kljn_stream.c, so both paths inject
 * bit-identical waveforms. Single-threaded (ngspice's thread).
 */
final class TabulatedWaveform implements DoubleUnaryOperator {
    private static final double MAX_GRID_COORDINATE = 0x1p52;
    private final TabulatedSource source;
    private final double invH;
    private final double period;
    private final long segments;
    private final long nodes;
    private final double[] ring;
    private final long mask;
    private final int chunk;
    private long filled;

    TabulatedWaveform(TabulatedSource source, int capacity, int chunk) {
        this.source = source;
        this.invH = 1.0 / source.gridStep();
        this.period = source.segmentPeriod();
        this.segments = source.segments();
        this.nodes = source.nodesPerSegment();
        this.ring = new double[capacity];
        this.mask = capacity - 1;
        this.chunk = chunk;
    }

    @Override
    public double applyAsDouble(double t) {
        int w = t <= 0 ? 0 : (int) Math.ceil(t / period - 1e-9) - 1;
        if (w < 0) {
            w = 0;
        }
        if (w > segments - 1) {
            w = (int) (segments - 1);
        }
        double local = t - w * period;
        if (local < 0) {
            local = 0;
        }
        double x = local * invH;
        if (!(x >= 0 && x < MAX_GRID_COORDINATE)) {
            throw new IllegalStateException("tabulated source " + source.name() + " queried at a time that is not"
                    + " finite: " + t);
        }
        long k = (long) x;
        double u = x - k;
        if (k + 1 >= nodes) {
            throw new IllegalStateException(String.format(java.util.Locale.ROOT, "tabulated source %s queried at t ="
                    + " %.9g s, past its last node (segment %d, node %d of %d)", source.name(), t, w, k + 1, nodes));
        }
        long g = w * nodes + k;
        while (g + 1 >= filled) {
            source.fillStream(filled, ring, (int) (filled & mask), chunk);
            filled += chunk;
        }
        if (g < filled - ring.length) {
            throw new IllegalStateException(String.format(java.util.Locale.ROOT, "tabulated source %s queried at t ="
                    + " %.9g s, older than its retained history (%d values kept)", source.name(), t,
                    ring.length - chunk));
        }
        double a = ring[(int) (g & mask)];
        return a + u * (ring[(int) ((g + 1) & mask)] - a);
    }
}
