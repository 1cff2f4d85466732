package org.kljn.sweep;

import org.kljn.io.Fingerprint;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.RandomAccess;
import java.util.function.Function;

/**
 * The values of a sweep dimension without storing them: a range {@code lin|log START STOP COUNT} computes its i-th
 * value when asked, so that a spec at the 10^7-point maximum costs no memory per point (stored, a range of 10^7
 * values took over 2 GB before the first point ran). Lists are immutable and random-access.
 */
final class LazyValues {
    /** Below this many values the canonical text lists them (so that {@code 1, 2, 3} and {@code lin 1 3 3} agree). */
    private static final int LISTED = 10_000;

    private LazyValues() {
    }

    /** A lazy immutable list whose fingerprint lists its values when few, else names its formula. */
    private abstract static class Lazy<T> extends AbstractList<T> implements RandomAccess, Fingerprint.Canonical {
        abstract String formula();

        /** Whether the values are distinct by construction (no need to compare neighbours). */
        boolean distinctByConstruction() {
            return false;
        }

        @Override
        public final String canonical() {
            return size() <= LISTED ? Fingerprint.canonical(new ArrayList<>(this)) : formula();
        }
    }

    /**
     * {@code count} values from {@code start} to {@code stop} (both included), evenly spaced, in log when
     * {@code log}; inner values rounded to 15 digits ({@link SweepSpec#clean}); monotone.
     */
    static List<Double> range(boolean log, double start, double stop, int count) {
        return new Lazy<>() {
            @Override
            public Double get(int i) {
                java.util.Objects.checkIndex(i, count);
                if (i == 0) {
                    return start;
                }
                if (i == count - 1) {
                    return stop;
                }
                double f = (double) i / (count - 1);
                double v = log ? start * Math.pow(stop / start, f) : start + (stop - start) * f;
                if (!log && Math.abs(v) < 1e-12 * Math.max(Math.abs(start), Math.abs(stop))) {
                    v = 0; // a lin range through zero lands on it
                }
                return SweepSpec.clean(v);
            }

            @Override
            public int size() {
                return count;
            }

            @Override
            String formula() {
                return (log ? "log(" : "lin(") + start + ", " + stop + ", " + count + ")";
            }

            @Override
            boolean distinctByConstruction() {
                // neighbours further apart than 1e-13 relative stay apart after the 15-digit rounding
                double step = log ? Math.abs(Math.log(stop / start)) / (count - 1)
                        : Math.abs(stop - start) / (count - 1) / Math.max(Math.abs(start), Math.abs(stop));
                return count == 1 || step > 1e-13;
            }
        };
    }

    /**
     * {@code f} applied to each value of a monotone {@code source} when asked; {@code name} names {@code f};
     * {@code keepsDistinct}: f maps distinct values of this source to distinct values.
     */
    static <A, B> List<B> mapped(List<A> source, Function<A, B> f, String name, boolean keepsDistinct) {
        return new Lazy<>() {
            @Override
            boolean distinctByConstruction() {
                return keepsDistinct && source instanceof Lazy<?> l && l.distinctByConstruction();
            }

            @Override
            public B get(int i) {
                return f.apply(source.get(i));
            }

            @Override
            public int size() {
                return source.size();
            }

            @Override
            String formula() {
                return name + "(" + Fingerprint.canonical(source) + ")";
            }
        };
    }

    /** The parts one after the other (a list line's items); a single part is returned as it is. */
    static <T> List<T> concat(List<List<T>> parts) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        List<List<T>> ps = List.copyOf(parts);
        int[] starts = new int[ps.size() + 1];
        for (int i = 0; i < ps.size(); i++) {
            starts[i + 1] = Math.addExact(starts[i], ps.get(i).size());
        }
        return new Lazy<>() {
            @Override
            public T get(int i) {
                java.util.Objects.checkIndex(i, starts[ps.size()]);
                int p = java.util.Arrays.binarySearch(starts, i);
                p = p >= 0 ? p : -p - 2;
                while (ps.get(p).isEmpty()) {
                    p++;
                }
                return ps.get(p).get(i - starts[p]);
            }

            @Override
            public int size() {
                return starts[ps.size()];
            }

            @Override
            String formula() {
                return "concat" + Fingerprint.canonical(ps);
            }
        };
    }

    /**
     * The first value that appears twice in the parts, each part monotone (a single value, or a range, rounded or
     * not), or null when all are distinct: adjacent values within a part, then, for parts whose spans overlap, each
     * value of the smaller looked up in the larger by bisection. No set of all values is built.
     */
    static <T extends Comparable<T>> T firstRepeat(List<List<T>> parts) {
        for (List<T> p : parts) {
            if (p instanceof Lazy<?> l && l.distinctByConstruction()) {
                continue;
            }
            T previous = null;
            for (T v : p) {
                if (previous != null && previous.compareTo(v) == 0) {
                    return v;
                }
                previous = v;
            }
        }
        for (int a = 0; a < parts.size(); a++) {
            for (int b = a + 1; b < parts.size(); b++) {
                List<T> small = parts.get(a).size() <= parts.get(b).size() ? parts.get(a) : parts.get(b);
                List<T> large = small == parts.get(a) ? parts.get(b) : parts.get(a);
                if (small.isEmpty() || large.isEmpty() || !overlap(small, large)) {
                    continue;
                }
                for (T v : small) {
                    if (contains(large, v)) {
                        return v;
                    }
                }
            }
        }
        return null;
    }

    private static <T extends Comparable<T>> T min(List<T> p) {
        T x = p.get(0), y = p.get(p.size() - 1);
        return x.compareTo(y) <= 0 ? x : y;
    }

    private static <T extends Comparable<T>> T max(List<T> p) {
        T x = p.get(0), y = p.get(p.size() - 1);
        return x.compareTo(y) >= 0 ? x : y;
    }

    private static <T extends Comparable<T>> boolean overlap(List<T> a, List<T> b) {
        return min(a).compareTo(max(b)) <= 0 && min(b).compareTo(max(a)) <= 0;
    }

    /** Whether a monotone list holds {@code v}. */
    private static <T extends Comparable<T>> boolean contains(List<T> p, T v) {
        boolean ascending = p.get(0).compareTo(p.get(p.size() - 1)) <= 0;
        int lo = 0, hi = p.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = p.get(mid).compareTo(v);
            if (c == 0) {
                return true;
            }
            if ((c < 0) == ascending) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return false;
    }
}
