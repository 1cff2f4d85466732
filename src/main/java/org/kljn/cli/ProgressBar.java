package org.kljn.cli;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A progress bar with ETA on stderr, shown only once a run has taken more than two seconds: on a terminal redrawn
 * in place at most every half second, elsewhere (a log file, with {@code --progress always}) one plain line every
 * ten seconds, never carriage returns.
 */
final class ProgressBar {
    private final PrintStream err;
    private final String unit;
    private final long total;
    private final long start = System.nanoTime();
    private long lastDraw;
    private boolean shown;
    private final boolean visible;
    private final boolean terminal;

    ProgressBar(PrintStream err, long total, String unit) {
        this(err, total, unit, true, true);
    }

    ProgressBar(PrintStream err, long total, String unit, boolean visible, boolean terminal) {
        this.err = err;
        this.total = total;
        this.unit = unit;
        this.visible = visible;
        this.terminal = terminal;
    }

    synchronized void update(long done) {
        long now = System.nanoTime();
        double elapsed = (now - start) / 1e9;
        long interval = terminal ? 500_000_000L : 10_000_000_000L;
        if (!visible || elapsed < 2 || (now - lastDraw) < interval && done < total) {
            return;
        }
        lastDraw = now;
        shown = true;
        int width = 30;
        int filled = (int) (width * done / Math.max(1, total));
        double eta = done > 0 ? elapsed * (total - done) / done : Double.NaN;
        err.printf(Locale.ROOT, (terminal ? "\r" : "") + "[%s%s] %d/%d %s, ETA %s" + (terminal ? " " : "%n"),
                "=".repeat(filled), " ".repeat(width - filled), done, total, unit, format(eta));
        err.flush();
    }

    synchronized void finish() {
        if (shown && terminal) {
            err.println();
        }
    }

    static String format(double seconds) {
        if (Double.isNaN(seconds)) {
            return "?";
        }
        long s = Math.round(seconds);
        return s >= 60 ? (s / 60) + "m" + String.format(Locale.ROOT, "%02d", s % 60) + "s" : s + "s";
    }
}
