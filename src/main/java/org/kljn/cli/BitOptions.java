package org.kljn.cli;

import org.kljn.analysis.finitebit.BitLength;
import org.kljn.circuit.SpiceNumbers;
import picocli.CommandLine.Option;

/**
 * How long a bit lasts: {@code --bit-samples M}, {@code --bit-duration SECONDS|best} or {@code --key-rate
 * BITS_PER_SECOND}, at most one. {@code --bit-duration best} asks for the bit duration that maximises the
 * secret-key rate (a search over τ, so only when asked).
 */
final class BitOptions {
    @Option(names = "--bit-samples", description = "bit duration in Nyquist samples M: tau = M/(2 bandwidth)")
    Integer samples;

    @Option(names = "--bit-duration", paramLabel = "SECONDS|best", description = "bit duration tau in seconds"
            + " instead of --bit-samples (a whole number of Nyquist intervals 1/(2 bandwidth), at least two), or"
            + " 'best': the bit duration that maximises the secret-key rate (a search over tau)")
    String duration;

    @Option(names = "--key-rate", paramLabel = "BITS_PER_SECOND", description = "raw bit rate in bit/s instead of"
            + " --bit-samples: the bit lasts 1/rate (rounded to whole Nyquist intervals; at most the bandwidth)")
    Double rawRate;

    /** Whether the user set the bit (a number of samples, a duration or a rate; not 'best'). */
    boolean given() {
        return samples != null || rawRate != null || (duration != null && !best());
    }

    /** Whether {@code --bit-duration best} asks for the bit that maximises the key rate. */
    boolean best() {
        return duration != null && duration.trim().equalsIgnoreCase("best");
    }

    /** M, or {@code fallback} when none is given (null: none; 'best' gives the fallback too). */
    Integer samples(double bandwidth, Integer fallback) {
        java.util.List<String> set = new java.util.ArrayList<>();
        if (samples != null) {
            set.add("--bit-samples " + samples);
        }
        if (duration != null) {
            set.add("--bit-duration " + duration);
        }
        if (rawRate != null) {
            set.add("--key-rate " + rawRate);
        }
        if (set.size() > 1) {
            throw new IllegalArgumentException(String.join(" and ", set) + ": give one of them (tau = M/(2"
                    + " bandwidth) = 1/rate)");
        }
        if (rawRate != null) {
            return BitLength.ofRawRate(rawRate, bandwidth).samples();
        }
        if (duration != null && !best()) {
            return BitLength.ofDuration(seconds(), bandwidth).samples();
        }
        return samples == null ? fallback : samples;
    }

    private double seconds() {
        try {
            return SpiceNumbers.parse("--bit-duration", duration.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--bit-duration " + duration + ": allowed a number of seconds or"
                    + " 'best'", e);
        }
    }
}
