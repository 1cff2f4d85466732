package org.kljn.io;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The one progress bar of kljn (sweep points, attack bits): a line with an ETA on stderr,
 * {@code [=====>    ] 42/100 points, ETA 1m03s} (plus
 * {@code , 3 failed} when some failed). On a terminal it redraws in place (carriage return) at most ten times a
 * second; when forced ({@code always}) onto something else (a log file) it prints a line at most every 5 s, and in
 * {@code auto} onto something else (a batch job's log, a pipe) one line every {@value #QUIET_SECONDS} s, the first
 * after as long, so that a long run is seen to progress and a short one prints nothing. The ETA extrapolates
 * the rate of the points finished in this run (resumed points count as done but not towards the rate).
 * Thread-safe.
 */
public final class ProgressBar {
    /** When to show the bar: {@code auto} only when stderr is a terminal, {@code always}, {@code never}. */
    public enum Mode { AUTO, ALWAYS, NEVER }

    private static final int WIDTH = 30;
    /** Seconds between lines in {@code auto} mode when stderr is not a terminal. */
    static final int QUIET_SECONDS = 30;

    private final PrintStream out;
    private final boolean visible;
    private final boolean terminal;
    private final int total;
    private final int resumed;
    private final String unit;
    /** {@code auto} onto a non-terminal: a line every {@link #QUIET_SECONDS}, none before the first interval. */
    private final boolean quiet;
    private final java.util.function.LongSupplier clock;
    private final long start;
    private int done;
    private int failed;
    private long lastDraw = Long.MIN_VALUE;
    private int lastLength;
    private String lastLine = "";

    private ProgressBar(PrintStream out, boolean visible, boolean terminal, boolean quiet, int total, int alreadyDone,
                        String unit, java.util.function.LongSupplier clock) {
        this.out = out;
        this.quiet = quiet;
        this.clock = clock;
        this.start = clock.getAsLong();
        this.unit = unit;
        this.visible = visible;
        this.terminal = terminal;
        this.total = total;
        this.resumed = alreadyDone;
        this.done = alreadyDone;
    }

    /**
     * A bar over {@code total} points of which {@code alreadyDone} were finished by an earlier run.
     *
     * @param out where to draw (stderr); AUTO draws only when stderr is a terminal
     */
    public static ProgressBar create(Mode mode, PrintStream out, int total, int alreadyDone) {
        return create(mode, out, total, alreadyDone, "points");
    }

    /** A bar counting {@code unit} ("points", "bits"). */
    public static ProgressBar create(Mode mode, PrintStream out, int total, int alreadyDone, String unit) {
        return create(mode, out, out == System.err && stderrIsTerminal(), total, alreadyDone, unit, System::nanoTime);
    }

    /** A bar told whether {@code out} is a terminal, with its clock (nanoseconds): for tests. */
    static ProgressBar create(Mode mode, PrintStream out, boolean terminal, int total, int alreadyDone, String unit,
                              java.util.function.LongSupplier nanoClock) {
        // auto onto a log or a pipe: a quiet line now and then (a long batch run once printed nothing at all)
        boolean quiet = mode == Mode.AUTO && !terminal;
        return new ProgressBar(out, mode != Mode.NEVER, terminal, quiet, total, alreadyDone, unit, nanoClock);
    }

    /** Sets the count done (from a callback that reports totals) and redraws when due. */
    public synchronized void update(int doneNow) {
        done = doneNow;
        draw(false);
    }

    /** Whether this bar draws anything (in auto onto a log or a pipe: a line every 30 s, none on a shorter run). */
    public boolean visible() {
        return visible;
    }

    /** Counts one finished point and redraws when due. */
    public synchronized void pointDone(boolean ok) {
        done++;
        if (!ok) {
            failed++;
        }
        draw(false);
    }

    /** Draws the final state and ends the line. */
    public synchronized void finish() {
        if (visible && !(quiet && lastLine.isEmpty())) {
            draw(true);
            if (terminal) {
                out.println();
            }
            out.flush();
        }
    }

    private void draw(boolean force) {
        if (!visible) {
            return;
        }
        long now = clock.getAsLong();
        long interval = terminal ? 100_000_000L : quiet ? QUIET_SECONDS * 1_000_000_000L : 5_000_000_000L;
        long since = lastDraw == Long.MIN_VALUE ? (quiet ? now - start : Long.MAX_VALUE) : now - lastDraw;
        if (!force && since < interval && (done < total || quiet)) {
            return;
        }
        lastDraw = now;
        int session = done - resumed;
        long eta = session <= 0 ? -1 : Math.round((now - start) / 1e9 / session * (total - done));
        String line = render(done, total, failed, eta, unit);
        if (force && line.equals(lastLine)) {
            return;
        }
        lastLine = line;
        if (terminal) {
            String pad = " ".repeat(Math.max(0, lastLength - line.length()));
            out.print("\r" + line + pad);
            lastLength = line.length();
        } else {
            out.println(line);
        }
        out.flush();
    }

    /** The bar's text: {@code [=====>    ] 42/100 points, ETA 1m03s}; {@code etaSeconds < 0}: unknown. */
    public static String render(int done, int total, int failed, long etaSeconds) {
        return render(done, total, failed, etaSeconds, "points");
    }

    /** The bar's text for another unit. */
    public static String render(int done, int total, int failed, long etaSeconds, String unit) {
        int filled = total == 0 ? WIDTH : (int) ((long) WIDTH * done / total);
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < WIDTH; i++) {
            b.append(i < filled ? '=' : i == filled ? '>' : ' ');
        }
        b.append("] ").append(done).append('/').append(total).append(' ').append(unit);
        if (failed > 0) {
            b.append(", ").append(failed).append(" failed");
        }
        if (done < total) {
            b.append(", ETA ").append(etaSeconds < 0 ? "--" : duration(etaSeconds));
        }
        return b.toString();
    }

    /** {@code 42s}, {@code 1m03s}, {@code 2h05m}. */
    public static String duration(long seconds) {
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return String.format(Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60);
        }
        return String.format(Locale.ROOT, "%dh%02dm", seconds / 3600, seconds % 3600 / 60);
    }

    /**
     * Whether file descriptor 2 is a terminal. Java 17 cannot ask isatty(2); on Linux /proc/self/fd/2 names the
     * device, elsewhere this falls back to {@link System#console()} (stdin and stdout are terminals).
     */
    public static boolean stderrIsTerminal() {
        try {
            Path target = Files.readSymbolicLink(Path.of("/proc/self/fd/2"));
            String t = target.toString();
            return t.startsWith("/dev/pts/") || t.startsWith("/dev/tty") || t.equals("/dev/console");
        } catch (Exception e) {
            return System.console() != null;
        }
    }
}
