package org.kljn.cli;

import java.util.Locale;

/**
 * The bit length from {@code --bit-samples M} or {@code --bit-duration SECONDS} (one of them): τ = M/(2Δf). The
 * analysis counts whole Nyquist intervals, so a duration must be a whole number of 1/(2Δf).
 */
final class BitLength {
    private BitLength() {
    }

    /**
     * @param samples   --bit-samples, or null
     * @param duration  --bit-duration in seconds, or null
     * @param bandwidth Δf, Hz
     * @param fallback  M when neither is given
     * @return M
     */
    static int samples(Integer samples, Double duration, double bandwidth, int fallback) {
        if (samples != null && duration != null) {
            throw new IllegalArgumentException("--bit-samples " + samples + " and --bit-duration " + duration
                    + ": give one of them (tau = M/(2 bandwidth))");
        }
        if (duration == null) {
            return samples == null ? fallback : samples;
        }
        if (!(duration > 0) || Double.isInfinite(duration)) {
            throw new IllegalArgumentException("--bit-duration " + duration + ": allowed a positive number of seconds");
        }
        double m = 2 * bandwidth * duration;
        long rounded = Math.round(m);
        if (rounded < 1 || Math.abs(m - rounded) > 1e-6 * Math.max(1, m) || rounded > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "--bit-duration %s: allowed a whole number"
                    + " of Nyquist intervals 1/(2 bandwidth) = %.6g s (this is %.6g of them)", duration,
                    1 / (2 * bandwidth), m));
        }
        return (int) rounded;
    }
}
