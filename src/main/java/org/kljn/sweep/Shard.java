package org.kljn.sweep;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * One of n disjoint parts of a sweep ({@code --shard i/n}, 1-based). Points are dealt round-robin: point
 * {@code p} (0-based) belongs to shard {@code (p mod n) + 1}. Round-robin rather than contiguous blocks so that
 * the expensive corner of a grid (long cables, many sections: the fastest-varying dimensions are spread
 * over every shard) does not land on one machine. The n shards together hold every point exactly once.
 *
 * @param index 1-based shard number, 1 ≤ index ≤ count
 * @param count how many shards the sweep is split into, ≥ 1
 */
public record Shard(int index, int count) {
    /** The whole sweep: shard 1/1. */
    public static final Shard ALL = new Shard(1, 1);

    private static final Pattern FORM = Pattern.compile("\\s*(\\d+)\\s*/\\s*(\\d+)\\s*");

    public Shard {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException("need i/n with 1 <= i <= n, got " + index + "/" + count);
        }
    }

    /**
     * Parses {@code i/n}.
     *
     * @throws IllegalArgumentException naming the text and the allowed form (a front end adds its own name for
     *                                  the shard, e.g. the command line's {@code --shard})
     */
    public static Shard parse(String text) {
        Matcher m = text == null ? null : FORM.matcher(text);
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException("expected i/n (e.g. 2/4, 1 <= i <= n), got '" + text + "'");
        }
        long i = m.group(1).length() > 10 ? Long.MAX_VALUE : Long.parseLong(m.group(1));
        long n = m.group(2).length() > 10 ? Long.MAX_VALUE : Long.parseLong(m.group(2));
        if (n > Integer.MAX_VALUE) {
            // more shards than points is allowed (the extra ones are empty), more than a sweep's index is not
            throw new IllegalArgumentException("'" + text.strip() + "': n must be at most " + Integer.MAX_VALUE
                    + " (1 <= i <= n)");
        }
        if (n < 1 || i < 1 || i > n) {
            throw new IllegalArgumentException("need 1 <= i <= n, got '" + text.strip() + "'");
        }
        return new Shard((int) i, (int) n);
    }

    /** Whether point {@code pointIndex} (0-based) belongs to this shard. */
    public boolean contains(int pointIndex) {
        return pointIndex % count == index - 1;
    }

    /** This shard's point indices in a grid of {@code gridSize} points, ascending. */
    public int[] select(int gridSize) {
        return IntStream.iterate(index - 1, p -> p < gridSize, p -> p + count).toArray();
    }

    /** How many of {@code gridSize} points this shard holds. */
    public int size(int gridSize) {
        return gridSize < index ? 0 : (gridSize - index) / count + 1;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
