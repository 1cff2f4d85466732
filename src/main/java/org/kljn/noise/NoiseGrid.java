package org.kljn.noise;

import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * Streaming generator of the grid values w_k = σ·Σ_j b_j n_{k−j}, k = 0, 1, 2, ... (volts), at times t_k = k·h,
 * where n are iid N(0,1) (ziggurat sampler on xoroshiro128++, see {@link StreamKey}) and b is the design's FIR.
 *
 * <p>The filter history is primed with N−1 normals before w₀, so the sequence is stationary from k = 0 (no start-up
 * transient). Memory is O(N + block) regardless of length. The values depend only on the design, S0 and the stream
 * key: the same inputs reproduce the sequence bit for bit.
 *
 * <p>Block convolution: 1024 outputs at a time, loop order chosen so the inner loop is a vectorisable axpy and the
 * tap symmetry b_j = b_{N−1−j} halves the multiplications. Not thread-safe; use one instance per stream.
 */
public final class NoiseGrid {

    private static final int BLOCK = 1024;

    private final double[] scaledTaps;   // σ·b_j
    private final int taps;
    private final double gridStep;
    private final ZigguratSampler.NormalizedGaussian normal;
    private final double[] x;            // N−1 history normals followed by BLOCK new ones
    private final double[] y = new double[BLOCK];
    private int pos = BLOCK;
    private long index;

    NoiseGrid(LowPassFir fir, double sigma, double gridStep, StreamKey key) {
        this.taps = fir.length();
        this.scaledTaps = new double[taps];
        for (int j = 0; j < taps; j++) {
            scaledTaps[j] = sigma * fir.tap(j);
        }
        this.gridStep = gridStep;
        this.normal = ZigguratSampler.NormalizedGaussian.of(key.newRng());
        this.x = new double[taps - 1 + BLOCK];
        for (int i = 0; i < taps - 1; i++) {
            x[i] = normal.sample();
        }
    }

    /** The next grid value w_k (V), advancing k. */
    public double next() {
        if (pos == BLOCK) {
            refill();
        }
        index++;
        return y[pos++];
    }

    /** Writes the next {@code length} grid values into dst[offset..offset+length) (V). */
    public void fill(double[] dst, int offset, int length) {
        if (offset < 0 || length < 0 || offset > dst.length - length) {
            throw new IndexOutOfBoundsException("offset " + offset + ", length " + length + ", array " + dst.length);
        }
        int done = 0;
        while (done < length) {
            if (pos == BLOCK) {
                refill();
            }
            int n = Math.min(length - done, BLOCK - pos);
            System.arraycopy(y, pos, dst, offset + done, n);
            pos += n;
            done += n;
        }
        index += length;
    }

    /** Index k of the value the next call will return (= number of values produced so far). */
    public long position() {
        return index;
    }

    /** Grid step h (s): value k belongs to time k·h. */
    public double gridStep() {
        return gridStep;
    }

    private void refill() {
        int hist = taps - 1;
        for (int i = 0; i < BLOCK; i++) {
            x[hist + i] = normal.sample();
        }
        int m = hist / 2;
        double bm = scaledTaps[m];
        for (int i = 0; i < BLOCK; i++) {
            y[i] = bm * x[i + m];
        }
        for (int j = 0; j < m; j++) {
            double bj = scaledTaps[j];
            int mirror = hist - j;
            for (int i = 0; i < BLOCK; i++) {
                y[i] += bj * (x[i + j] + x[i + mirror]);
            }
        }
        System.arraycopy(x, BLOCK, x, 0, hist);
        pos = 0;
    }
}
