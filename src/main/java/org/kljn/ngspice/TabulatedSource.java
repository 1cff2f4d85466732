package org.kljn.ngspice;

import java.util.Objects;

/**
 * An EXTERNAL voltage source ({@code Vname n+ n- external}) driven by a table of values on a uniform grid, linearly
 * interpolated, in segments of equal length: segment w covers (wP, (w+1)P] and has its own nodes 0, 1, ... at times
 * wP + k·h. Segments join left-continuously: a join time belongs to the segment it ends, so a value can jump there
 * (a fresh waveform per segment). Past the last segment the last one continues.
 *
 * <p>The value at time t is, with P = {@code segmentPeriod} and h = {@code gridStep}:
 * w = ⌈t/P − 10⁻⁹⌉ − 1 clamped to [0, segments − 1], x = max(0, t − wP)/h, k = ⌊x⌋,
 * v = y_k + (x − k)(y_{k+1} − y_k) with y the nodes of segment w. Both callback paths (the native shim and
 * JNA) evaluate exactly these IEEE operations, so they inject bit-identical waveforms.
 *
 * <p>A source without segments is one segment as long as the run.
 *
 * @param name          the source's instance name in the netlist (case-insensitive)
 * @param gridStep      h (s), the spacing of the nodes
 * @param segmentPeriod P (s)
 * @param segments      the number of segments (at least 1)
 * @param values        the nodes, asked for in increasing order of (segment, node)
 */
public record TabulatedSource(String name, double gridStep, double segmentPeriod, int segments, SegmentValues values) {

    /** Supplies nodes of a segment; called on ngspice's thread, in increasing order of (segment, node). */
    @FunctionalInterface
    public interface SegmentValues {
        /** Writes nodes {@code firstNode .. firstNode + count − 1} of {@code segment} to {@code into[offset..]}. */
        void fill(int segment, int firstNode, double[] into, int offset, int count);
    }

    public TabulatedSource {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(values, "values");
        if (!name.matches("[A-Za-z][A-Za-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("tabulated source name must be a SPICE instance name of at most 63"
                    + " letters, digits and underscores: \"" + name + "\"");
        }
        if (!(gridStep > 0) || !Double.isFinite(gridStep)) {
            throw new IllegalArgumentException("tabulated source grid step must be positive and finite: " + gridStep);
        }
        if (!(segmentPeriod >= gridStep) || !Double.isFinite(segmentPeriod)) {
            throw new IllegalArgumentException("tabulated source segment period must be finite and at least one grid"
                    + " step (" + gridStep + " s): " + segmentPeriod);
        }
        if (segments < 1) {
            throw new IllegalArgumentException("tabulated source needs at least one segment: " + segments);
        }
        if (segmentPeriod / gridStep > 1e9) {
            throw new IllegalArgumentException("tabulated source segment of " + segmentPeriod / gridStep
                    + " grid steps: at most 1e9 allowed");
        }
    }

    /** One segment of fixed length over a whole run ({@code stopTime}). */
    public static TabulatedSource single(String name, double gridStep, double stopTime, SegmentValues values) {
        return new TabulatedSource(name, gridStep, stopTime, 1, values);
    }

    /**
     * Nodes stored per segment: ⌊P/h⌋ + 1 cover the segment, one more covers a time a rounding error past its end
     * (and the half step past the stop time a run may end on).
     */
    public int nodesPerSegment() {
        return (int) Math.floor(segmentPeriod / gridStep + 1e-6) + 2;
    }

    /**
     * Stream values {@code first .. first + count − 1}, where stream index g = w·{@link #nodesPerSegment()} + k is
     * node k of segment w; zeros past the last segment.
     */
    void fillStream(long first, double[] into, int offset, int count) {
        int nodes = nodesPerSegment();
        int done = 0;
        while (done < count) {
            long g = first + done;
            long segment = g / nodes;
            int node = (int) (g % nodes);
            int n = Math.min(count - done, nodes - node);
            if (segment >= segments) {
                java.util.Arrays.fill(into, offset + done, offset + count, 0.0);
                return;
            }
            values.fill((int) segment, node, into, offset + done, n);
            done += n;
        }
    }
}
