package org.kljn.sweep;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The first line of every results file a sweep writes: {@code # kljn sweep fingerprint=F shard=i/n points=N}. It says
 * which sweep the rows belong to ({@link SweepSpec#fingerprint()}: the spec's values and the content of every file
 * a point reads) and which shard of it the file holds, so that a resume continues only a file this sweep wrote,
 * and a merge can tell the parts of one sweep, and whether all are there, without the spec.
 *
 * @param fingerprint the sweep's {@link SweepSpec#fingerprint()}
 * @param shard       the part of the sweep the file holds ({@link Shard#ALL} for a whole or merged sweep)
 * @param points      points in the whole sweep
 */
public record SweepStamp(String fingerprint, Shard shard, int points) {
    /** What the line starts with: a file without it was not written by a sweep. */
    public static final String PREFIX = "# kljn sweep ";
    private static final Pattern FORM = Pattern.compile(
            "# kljn sweep fingerprint=([0-9a-f]{64}) shard=(\\d{1,10})/(\\d{1,10}) points=(\\d{1,10})");

    /** The stamp of {@code spec}'s shard. */
    public static SweepStamp of(SweepSpec spec, Shard shard) {
        return new SweepStamp(spec.fingerprint(), shard, spec.size());
    }

    /** The line, without its '\n'. */
    public String line() {
        return PREFIX + "fingerprint=" + fingerprint + " shard=" + shard + " points=" + points;
    }

    /** The stamp a line holds, or null when the line is not a stamp. */
    public static SweepStamp parse(String line) {
        Matcher m = FORM.matcher(line);
        if (!m.matches()) {
            return null;
        }
        try {
            return new SweepStamp(m.group(1), new Shard(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))),
                    Integer.parseInt(m.group(4)));
        } catch (IllegalArgumentException e) {
            return null; // a shard out of range or a number past int: not a line a sweep wrote
        }
    }

    /** The same sweep and shard as {@code expected}, or why not (for a message), or null when they agree. */
    String difference(SweepStamp expected) {
        if (!fingerprint.equals(expected.fingerprint) || points != expected.points) {
            return "it was written for another sweep (fingerprint " + fingerprint.substring(0, 12) + "..., "
                    + points + " points; this sweep's is " + expected.fingerprint.substring(0, 12) + "..., "
                    + expected.points + " points): the spec, or a file a point reads (a subckt file), changed since";
        }
        if (!shard.equals(expected.shard)) {
            return "it holds shard " + shard + " of this sweep, not " + expected.shard;
        }
        return null;
    }
}
