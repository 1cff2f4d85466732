package org.kljn.ngspice;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Function;

/**
 * A fixed set of ngspice sessions for parallel work, each on its own private copy of the library
 * (ngspice's global state allows one caller per loaded file). Borrow with {@link #withSession}.
 */
public final class NgSpicePool implements AutoCloseable {
    private final BlockingQueue<NgSpice> idle;
    private final List<NgSpice> all;

    private NgSpicePool(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("pool size must be at least 1, got " + size);
        }
        idle = new ArrayBlockingQueue<>(size);
        all = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            NgSpice s = NgSpice.open();
            all.add(s);
            idle.add(s);
        }
    }

    /** A pool of {@code size} instances. */
    public static NgSpicePool of(int size) {
        return new NgSpicePool(size);
    }

    public int size() {
        return all.size();
    }

    /** Runs {@code work} on an idle session, waiting for one if all are busy. */
    public <T> T withSession(Function<NgSpice, T> work) {
        NgSpice s;
        try {
            s = idle.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for an ngspice instance", e);
        }
        try {
            return work.apply(s);
        } finally {
            s.clearHooks();
            idle.add(s);
        }
    }

    @Override
    public void close() {
        for (NgSpice s : all) {
            s.close();
        }
    }
}
