package org.kljn.bench;

/** A fresh JVM that streams n noise samples through the bridge, for peak-memory measurement. */
public final class BenchChild {
    private BenchChild() {
    }

    public static void main(String[] args) {
        long n = Long.parseLong(args[0]);
        double seconds = Benchmarks.bridgeTransientSeconds("lumped", n);
        System.out.println("transient seconds " + seconds);
    }
}
