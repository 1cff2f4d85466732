package org.kljn.cli;

import org.kljn.analysis.KeyRateModel;

import java.util.Locale;

/**
 * The bit length from {@code --bit-samples M}, {@code --bit-duration SECONDS} or {@code --key-rate BITS_PER_SECOND}
 * (at most one of them): τ = M/(2Δf), and a raw rate of 1/τ bits per second. The analysis counts whole Nyquist
 * intervals, so a duration must be a whole number of 1/(2Δf); a raw rate is rounded to the nearest whole M. The one
 * place these conversions live (for the domain's bit length to take over).
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
        return samples(samples, duration, null, bandwidth, fallback);
    }

    /** As above with {@code --key-rate} (raw bits per second, or null) as a third way; null fallback: null. */
    static Integer samples(Integer samples, Double duration, Double rawRate, double bandwidth, Integer fallback) {
        java.util.List<String> given = new java.util.ArrayList<>();
        if (samples != null) {
            given.add("--bit-samples " + samples);
        }
        if (duration != null) {
            given.add("--bit-duration " + duration);
        }
        if (rawRate != null) {
            given.add("--key-rate " + rawRate);
        }
        if (given.size() > 1) {
            throw new IllegalArgumentException(String.join(" and ", given) + ": give one of them (tau = M/(2"
                    + " bandwidth) = 1/rate)");
        }
        if (rawRate != null) {
            double most = 2 * bandwidth / KeyRateModel.MIN_SAMPLES;
            if (!(rawRate > 0) || Double.isInfinite(rawRate)) {
                throw new IllegalArgumentException("--key-rate " + rawRate + ": allowed a positive raw bit rate in bit/s");
            }
            if (rawRate > most * (1 + 1e-9)) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "--key-rate %s bit/s: above what the band"
                        + " allows: at most %s raw bits per second over a %s Hz band (a bit of %d Nyquist samples)",
                        rawRate, number(most), number(bandwidth), KeyRateModel.MIN_SAMPLES));
            }
            return (int) Math.max(KeyRateModel.MIN_SAMPLES, Math.round(2 * bandwidth / rawRate));
        }
        if (duration == null) {
            return samples == null ? fallback : samples;
        }
        if (!(duration > 0) || Double.isInfinite(duration)) {
            throw new IllegalArgumentException("--bit-duration " + duration + ": allowed a positive number of seconds");
        }
        double m = 2 * bandwidth * duration;
        long rounded = Math.round(m);
        if (rounded < KeyRateModel.MIN_SAMPLES && m < KeyRateModel.MIN_SAMPLES) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "--bit-duration %s: shorter than two Nyquist"
                    + " samples: allowed at least 1/bandwidth = %s s", duration, number(1 / bandwidth)));
        }
        if (Math.abs(m - rounded) > 1e-6 * Math.max(1, m) || rounded > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "--bit-duration %s: allowed a whole number"
                    + " of Nyquist intervals 1/(2 bandwidth) = %.6g s (this is %.6g of them)", duration,
                    1 / (2 * bandwidth), m));
        }
        return (int) rounded;
    }

    /** Six significant digits without trailing zeros. */
    private static String number(double x) {
        return new java.math.BigDecimal(x).round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString();
    }
}
