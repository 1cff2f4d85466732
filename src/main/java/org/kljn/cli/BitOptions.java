package org.kljn.cli;

import picocli.CommandLine.Option;

/** How long a bit lasts: {@code --bit-samples}, {@code --bit-duration} or {@code --key-rate}, at most one. */
final class BitOptions {
    @Option(names = "--bit-samples", description = "bit duration in Nyquist samples M: tau = M/(2 bandwidth)")
    Integer samples;

    @Option(names = "--bit-duration", description = "bit duration tau in seconds instead of --bit-samples (a whole"
            + " number of Nyquist intervals 1/(2 bandwidth), at least two)")
    Double duration;

    @Option(names = "--key-rate", description = "raw bit rate in bit/s instead of --bit-samples: the bit lasts"
            + " 1/rate (rounded to whole Nyquist intervals; at most the bandwidth)")
    Double rawRate;

    /** Whether the user set the bit. */
    boolean given() {
        return samples != null || duration != null || rawRate != null;
    }

    /** M, or {@code fallback} when none is given (null: none). */
    Integer samples(double bandwidth, Integer fallback) {
        return BitLength.samples(samples, duration, rawRate, bandwidth, fallback);
    }
}
