package org.kljn.ngspice;

import com.sun.jna.Pointer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * A session on one loaded ngspice library instance: load a circuit, run it, read its vectors.
 *
 * <p>One caller at a time: every method takes the session's lock, because ngspice keeps global state.
 * For parallel work open several sessions (each gets its own private copy of the library) or use
 * {@link NgSpicePool}.
 *
 * <p>Hygiene that keeps memory flat over thousands of runs: loading a circuit first frees the previous
 * one and its plots ({@code destroy all}, {@code remcirc}); the command history is cleared every
 * {@value #HISTORY_CLEAR_INTERVAL} commands; {@code quit} is never sent (it leaves the library unusable).
 * If ngspice calls ControlledExit anyway, the session marks that instance dead and loads a fresh copy on
 * next use.
 */
public final class NgSpice implements SpiceSimulator {
    /** ngspice copies commands into a fixed 1024-byte buffer: longer ones are truncated into garbage. */
    public static final int MAX_COMMAND_BYTES = 1023;
    static final int HISTORY_CLEAR_INTERVAL = 200;

    private static final Pattern REFUSED_COMMANDS = Pattern.compile("^\\s*(quit|exit)\\b.*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SAVE_NONE = Pattern.compile("^\\s*\\.save\\s+none\\b.*", Pattern.CASE_INSENSITIVE);
    private static final Pattern INTERP = Pattern.compile("^\\s*(\\.options?\\b.*\\binterp\\b.*|set\\s+interp\\b.*)",
            Pattern.CASE_INSENSITIVE);

    private final ReentrantLock lock = new ReentrantLock();
    private NgSpiceInstance instance;
    private boolean circuitLoaded;
    private List<String> circuitLines = List.of();
    private final List<String> warnings = new ArrayList<>();
    private int commandsSinceHistoryClear;
    private boolean closed;

    private NgSpice(NgSpiceInstance instance) {
        this.instance = instance;
    }

    /**
     * Opens a session on an idle library instance, loading the system library (or a private copy of
     * it when that is already in use).
     */
    public static NgSpice open() {
        return open(CallbackPath.preferred());
    }

    /** As {@link #open()}, with the per-point callbacks served the given way (tests run both paths). */
    public static NgSpice open(CallbackPath callbacks) {
        if (callbacks == CallbackPath.SHIM && !Shim.available()) {
            throw new NgSpiceException("the native callback shim cannot be used: " + Shim.problem(), List.of());
        }
        NgSpice session = new NgSpice(NgSpiceInstance.acquire(callbacks));
        session.initialise();
        return session;
    }

    /** Whether kljn's native callback shim is available in this process (else sessions use JNA callbacks). */
    public static boolean shimAvailable() {
        return Shim.available();
    }

    /** Why the native callback shim is not available, or null when it is. */
    public static String shimProblem() {
        return Shim.problem();
    }

    /** Who serves this session's per-point callbacks. */
    public CallbackPath callbacks() {
        return instance.callbacks;
    }

    private void initialise() {
        rawCommand("set noaskquit");
        rawCommand("set nomoremode");
        instance.clearCaptured();
    }

    /** The library file this session's instance was loaded from. */
    public java.nio.file.Path libraryFile() {
        return instance.file;
    }

    // ------------------------------------------------------------------ circuits and runs

    @Override
    public void loadCircuit(List<String> lines) {
        withLock(() -> {
            if (lines.isEmpty()) {
                throw new IllegalArgumentException("a circuit needs at least a title line");
            }
            boolean wantsSaveNone = lines.stream().anyMatch(l -> SAVE_NONE.matcher(l).matches());
            boolean wantsInterp = lines.stream().anyMatch(l -> INTERP.matcher(l).matches());
            freeLocked();
            // 39.3 keeps `.save none` and `interp` for every later run of the same library instance: a circuit
            // that does not ask for them needs an instance that never ran them, and one that asks for them goes
            // to an idle instance already stuck in them, so that clean instances stay clean.
            if (!instance.suits(wantsSaveNone, wantsInterp)
                    || (!instance.matches(wantsSaveNone, wantsInterp)
                    && NgSpiceInstance.idleMatching(instance.callbacks, wantsSaveNone, wantsInterp))) {
                replaceInstance(wantsSaveNone, wantsInterp);
            }
            List<String> deck = new ArrayList<>(lines.size() + 1);
            for (String l : lines) {
                deck.add(l.replace("\r", ""));
            }
            if (!deck.get(deck.size() - 1).strip().equalsIgnoreCase(".end")) {
                deck.add(".end");
            }
            instance.clearCaptured();
            int rc = callNative(() -> instance.lib.ngSpice_Circ(deck.toArray(new String[0])));
            instance.stickySaveNone |= wantsSaveNone;
            instance.stickyInterp |= wantsInterp;
            NgSpiceOutput out = NgSpiceOutput.classify(instance.drainCaptured(), deck);
            warnings.clear();
            warnings.addAll(out.warnings());
            checkAlive("loading the circuit", out);
            String current = callNative(() -> instance.lib.ngSpice_CurPlot());
            if (rc != 0 || out.hasErrors() || !out.substitutions().isEmpty() || !circuitExists()) {
                // what ngspice managed to parse must not leak into the next load
                circuitLoaded = circuitExists();
                freeLocked();
                if (!out.hasErrors() && rc == 0 && !out.substitutions().isEmpty()) {
                    throw substituted(out, deck);
                }
                throw errorFor("ngspice rejected the circuit \"" + deck.get(0).strip() + "\"", out, deck);
            }
            circuitLoaded = true;
            circuitLines = List.copyOf(deck);
            return current;
        });
    }

    @Override
    public void run() {
        withLock(() -> {
            requireCircuit("run");
            instance.takeCallbackFailure();
            NgSpiceOutput out = commandLocked("run", circuitLines);
            for (String w : out.warnings()) {
                if (!warnings.contains(w)) {
                    warnings.add(w);
                }
            }
            throwIfCallbackFailed();
            if (out.hasErrors()) {
                throw errorFor("the simulation of \"" + circuitLines.get(0).strip() + "\" failed", out, circuitLines);
            }
            if (!out.substitutions().isEmpty()) {
                throw substituted(out, circuitLines);
            }
            return null;
        });
    }

    /** Runs the loaded circuit in ngspice's background thread; {@link #halt()} stops it. */
    public void runInBackground() {
        withLock(() -> {
            requireCircuit("bg_run");
            requireNotBackground();
            instance.clearCaptured();
            CountDownLatch latch = instance.startBackground();
            rawCommand("bg_run");
            // ngspice's bg_halt returns at once if the new thread has not yet flagged itself as running
            // (fl_exited is still true), and the thread then runs to the end: wait for its first signal.
            try {
                if (!instance.backgroundStartedLatch().await(10, TimeUnit.SECONDS)) {
                    throw new NgSpiceException("ngspice's background thread did not start within 10 s",
                            instance.drainCaptured());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return latch;
        });
    }

    /** Whether a background run is in progress. */
    public boolean isRunning() {
        return instance.backgroundRunning;
    }

    /** Stops a background run and waits (up to 10 s) for ngspice's thread to end. */
    public void halt() {
        withLock(() -> {
            if (instance.backgroundRunning) {
                callNative(() -> instance.lib.ngSpice_Command("bg_halt"));
                awaitLatch(Duration.ofSeconds(10));
            }
            instance.clearCaptured();
            return null;
        });
    }

    /**
     * Waits for a background run to finish.
     *
     * @return true if it finished within the timeout
     */
    public boolean awaitBackground(Duration timeout) {
        boolean done = awaitLatch(timeout);
        if (done) {
            throwIfCallbackFailed();
            NgSpiceOutput out = NgSpiceOutput.classify(instance.drainCaptured());
            if (out.hasErrors()) {
                throw errorFor("the background simulation failed", out, circuitLines);
            }
        }
        return done;
    }

    private boolean awaitLatch(Duration timeout) {
        try {
            return instance.backgroundLatch().await(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Sends one ngspice command and returns its classified output.
     *
     * @throws IllegalArgumentException for {@code quit}/{@code exit} or a command of 1024 bytes or more
     * @throws NgSpiceException when ngspice answers with an error
     */
    @Override
    public NgSpiceOutput command(String command) {
        return withLock(() -> {
            NgSpiceOutput out = commandLocked(command);
            if (out.hasErrors()) {
                throw new NgSpiceException("ngspice command \"" + command + "\" failed", out.errors());
            }
            return out;
        });
    }

    /** Frees the circuit and every plot (idempotent). */
    @Override
    public void freeCircuit() {
        withLock(() -> {
            freeLocked();
            return null;
        });
    }

    /** ngspice's warnings while loading and running the current circuit ("Warning: can't parse 'out': ignored"). */
    @Override
    public List<String> warnings() {
        return withLock(() -> List.copyOf(warnings));
    }

    // ------------------------------------------------------------------ vectors and plots

    @Override
    public String currentPlot() {
        return withLock(() -> callNative(() -> instance.lib.ngSpice_CurPlot()));
    }

    @Override
    public List<String> plots() {
        return withLock(() -> stringArray(callNative(() -> instance.lib.ngSpice_AllPlots())));
    }

    @Override
    public List<String> vectorNames(String plot) {
        return withLock(() -> stringArray(callNative(() -> instance.lib.ngSpice_AllVecs(plot))));
    }

    /**
     * Copies a vector of the current plot, or of a named one as {@code plot.vector}.
     *
     * @throws NgSpiceException if ngspice has no such vector
     */
    @Override
    public SpiceVector vector(String name) {
        return withLock(() -> {
            requireNotBackground();
            instance.clearCaptured();
            Pointer info = callNative(() -> instance.lib.ngGet_Vec_Info(name));
            if (info == null) {
                NgSpiceOutput out = NgSpiceOutput.classify(instance.drainCaptured());
                throw new NgSpiceException("ngspice has no vector \"" + name + "\"", out.errors());
            }
            // copy at once: the struct is static and its data point into live ngspice arrays
            String vname = info.getPointer(NativeLayout.VECTOR_INFO_NAME).getString(0);
            int type = info.getInt(NativeLayout.VECTOR_INFO_TYPE);
            int length = info.getInt(NativeLayout.VECTOR_INFO_LENGTH);
            Pointer realData = info.getPointer(NativeLayout.VECTOR_INFO_REALDATA);
            Pointer compData = info.getPointer(NativeLayout.VECTOR_INFO_COMPDATA);
            if (realData != null) {
                return new SpiceVector(vname, type, realData.getDoubleArray(0, length), null);
            }
            if (compData == null) {
                return new SpiceVector(vname, type, new double[0], null);
            }
            double[] interleaved = compData.getDoubleArray(0, 2 * length);
            double[] re = new double[length];
            double[] im = new double[length];
            for (int i = 0; i < length; i++) {
                re[i] = interleaved[2 * i];
                im[i] = interleaved[2 * i + 1];
            }
            return new SpiceVector(vname, type, re, im);
        });
    }

    // ------------------------------------------------------------------ co-simulation hooks

    /**
     * Drives the EXTERNAL voltage source {@code name} (written {@code Vname n+ n- external}, with no DC
     * value: 39.3 crashes on one) from a Java function of time. ngspice calls it on every Newton
     * iteration, so it must return the same value for the same time.
     */
    public void setExternalVoltage(String name, DoubleUnaryOperator valueOfTime) {
        instance.setVoltageSource(name, valueOfTime);
    }

    /** As {@link #setExternalVoltage} for an EXTERNAL current source ({@code Iname n+ n- external}). */
    public void setExternalCurrent(String name, DoubleUnaryOperator valueOfTime) {
        instance.setCurrentSource(name, valueOfTime);
    }

    /** Receives every accepted point of the following runs (null to stop). */
    public void setStreamListener(StreamListener listener) {
        instance.streamListener = listener;
    }

    /** Limits ngspice's time steps in the following runs (null to stop limiting). */
    public void setStepControl(StepControl control) {
        withLock(() -> {
            if (control != null) {
                instance.registerSync(true);
            }
            instance.stepControl = control;
            return null;
        });
    }

    /**
     * Loads {@code deck} and runs it as a streaming transient whose EXTERNAL voltage sources are the run's tables and
     * whose steps end on its grid; every accepted point goes to {@code listener} (on the shim a block at a time,
     * the tail after the run). On the shim no per-point callback enters the JVM; on the JNA path Java answers them
     * with the same arithmetic. The hooks are cleared afterwards.
     *
     * @throws NgSpiceException when ngspice fails, a table is queried outside what it holds, or a Java callback
     *                          (a refill, the listener) throws
     */
    public TabulatedRun.Outcome runTabulated(List<String> deck, TabulatedRun run, StreamListener listener) {
        return withLock(() -> {
            loadCircuit(deck);
            CallbackPath path = instance.callbacks;
            if (run.solverGrid() > 0) {
                instance.registerSync(true);
            }
            long[] points = new long[1];
            StreamListener counting = new StreamListener() {
                @Override
                public void plotStarted(String plotName, String plotType, List<String> vectorNames) {
                    listener.plotStarted(plotName, plotType, vectorNames);
                }

                @Override
                public void point(int index, double[] real, double[] imag) {
                    points[0]++;
                    listener.point(index, real, imag);
                }
            };
            try {
                if (path == CallbackPath.SHIM) {
                    instance.beginTabulated(run, counting);
                } else {
                    for (TabulatedSource s : run.sources()) {
                        instance.setVoltageSource(s.name(), new TabulatedWaveform(s, run.ringCapacity(), run.chunk()));
                    }
                    double grid = run.solverGrid();
                    instance.stepControl = grid > 0 ? (time, delta) -> TabulatedRun.nextGridStep(time, grid) : null;
                    instance.streamListener = counting;
                }
                run();
                instance.drainTabulated();
                throwIfCallbackFailed();
                String failure = instance.tabulatedFailure();
                if (failure != null) {
                    throw new NgSpiceException("the tabulated transient of \"" + circuitLines.get(0).strip()
                            + "\" failed: " + failure, List.of());
                }
            } finally {
                instance.clearDispatch();
            }
            return new TabulatedRun.Outcome(points[0], path);
        });
    }

    /** Sets a breakpoint at {@code time} for the loaded circuit (not while a background run is active). */
    public boolean setBreakpoint(double time) {
        return withLock(() -> {
            requireNotBackground();
            return callNative(() -> instance.lib.ngSpice_SetBkpt(time)) != 0;
        });
    }

    /** Removes external sources, the stream listener and the step control. */
    public void clearHooks() {
        instance.clearDispatch();
    }

    /**
     * The netlist line that makes a transient keep only its latest point in ngspice (shared-library
     * {@code .save none}): the values still reach a {@link StreamListener}, memory stays flat however
     * long the run. ngspice 39.3 keeps this mode for the rest of the library instance's life, so the
     * session moves later circuits without it to a fresh instance.
     */
    public static String streamOnly() {
        return ".save none";
    }

    // ------------------------------------------------------------------ life cycle

    /** Returns the instance to the process-wide idle list (or drops it if it cannot be reused). */
    @Override
    public void close() {
        withLock(() -> {
            if (closed) {
                return null;
            }
            closed = true;
            if (!instance.dead) {
                if (instance.backgroundRunning) {
                    callNative(() -> instance.lib.ngSpice_Command("bg_halt"));
                    awaitLatch(Duration.ofSeconds(10));
                }
                freeLocked();
                callNative(() -> instance.lib.ngSpice_Command(null));
            }
            NgSpiceInstance.release(instance);
            return null;
        });
    }

    /** For tests of the ControlledExit path: sends a command without the refusal checks. */
    void commandUncheckedForTest(String command) {
        withLock(() -> {
            callNative(() -> instance.lib.ngSpice_Command(command));
            return null;
        });
    }

    boolean instanceDeadForTest() {
        return instance.dead;
    }

    // ------------------------------------------------------------------ internals

    private NgSpiceOutput commandLocked(String command) {
        return commandLocked(command, List.of());
    }

    private NgSpiceOutput commandLocked(String command, List<String> echoes) {
        if (command == null) {
            throw new IllegalArgumentException("command must not be null");
        }
        if (REFUSED_COMMANDS.matcher(command).matches()) {
            throw new IllegalArgumentException("refusing ngspice command \"" + command.strip()
                    + "\": quit/exit calls ControlledExit and leaves the library unusable in this process");
        }
        int bytes = command.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_COMMAND_BYTES) {
            throw new IllegalArgumentException("ngspice command of " + bytes + " bytes refused: ngspice 39.3"
                    + " truncates commands of 1024 bytes or more (at most " + MAX_COMMAND_BYTES + " allowed)");
        }
        requireNotBackground();
        instance.clearCaptured();
        rawCommand(command);
        NgSpiceOutput out = NgSpiceOutput.classify(instance.drainCaptured(), echoes);
        checkAlive("\"" + command + "\"", out);
        return out;
    }

    private void rawCommand(String command) {
        checkAlive("before \"" + command + "\"");
        callNative(() -> instance.lib.ngSpice_Command(command));
        if (++commandsSinceHistoryClear >= HISTORY_CLEAR_INTERVAL) {
            // ngspice stores every command in its history; a null command clears it
            callNative(() -> instance.lib.ngSpice_Command(null));
            commandsSinceHistoryClear = 0;
        }
    }

    private void throwIfCallbackFailed() {
        Throwable failure = instance.takeCallbackFailure();
        if (failure != null) {
            NgSpiceException e = new NgSpiceException("a Java callback failed during the simulation: " + failure,
                    List.of());
            e.initCause(failure);
            throw e;
        }
    }

    private void freeLocked() {
        if (instance.dead || instance.backgroundRunning) {
            return;
        }
        rawCommand("destroy all");
        // circuitLoaded also covers what a failed load left behind (loadCircuit asks ngspice then)
        if (circuitLoaded) {
            rawCommand("remcirc");
        }
        circuitLoaded = false;
        instance.clearCaptured();
    }

    private boolean circuitExists() {
        instance.clearCaptured();
        callNative(() -> instance.lib.ngSpice_Command("listing"));
        List<String> lines = instance.drainCaptured();
        for (String l : lines) {
            if (l.toLowerCase(Locale.ROOT).contains("no circuit loaded")
                    || l.toLowerCase(Locale.ROOT).contains("there is no circuit")) {
                return false;
            }
        }
        return !lines.isEmpty();
    }

    private void requireCircuit(String what) {
        if (!circuitLoaded) {
            throw new IllegalStateException("no circuit loaded: call loadCircuit before " + what);
        }
    }

    private void requireNotBackground() {
        if (instance.backgroundRunning) {
            throw new IllegalStateException("a background run is active: halt() or awaitBackground() first");
        }
    }

    /** As {@link #checkAlive(String)}, quoting what ngspice said before it exited (its reason). */
    private void checkAlive(String when, NgSpiceOutput said) {
        if (instance.dead) {
            List<String> why = new ArrayList<>(said.errors().isEmpty() ? said.stdout() : said.errors());
            why.addAll(NgSpiceOutput.classify(instance.drainCaptured()).errors());
            why.removeIf(String::isBlank);
            throw new NgSpiceDeadException("ngspice called ControlledExit (status " + instance.exitStatus + ") " + when
                    + "; that library instance is unusable; the session loads a fresh one on next use", why);
        }
    }

    private void checkAlive(String when) {
        if (instance.dead) {
            throw new NgSpiceDeadException("ngspice called ControlledExit (status " + instance.exitStatus + ") "
                    + when + "; that library instance is unusable; the session loads a fresh one on next use",
                    NgSpiceOutput.classify(instance.drainCaptured()).errors());
        }
    }

    /**
     * Moves this session to another library instance: after ControlledExit (the dead one is dropped), or when the
     * next circuit's output modes ({@code .save none}, {@code interp}) call for another (the current one, freed, goes
     * back to the idle instances for reuse).
     */
    private void replaceInstance(boolean saveNone, boolean interp) {
        NgSpiceInstance old = instance;
        if (!old.dead) {
            freeLocked();
            callNative(() -> old.lib.ngSpice_Command(null));
        }
        instance = NgSpiceInstance.acquire(old.callbacks, saveNone, interp);
        instance.takeDispatchFrom(old);
        NgSpiceInstance.release(old);
        circuitLoaded = false;
        initialise();
    }

    private <T> T withLock(Supplier<T> body) {
        lock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("this ngspice session is closed");
            }
            if (instance.dead) {
                replaceInstance(false, false);
            }
            return body.get();
        } finally {
            lock.unlock();
        }
    }

    /** Runs a native call in the C numeric locale (ngspice parses and prints numbers with libc). */
    private static <T> T callNative(Supplier<T> call) {
        String previous = LibC.setNumericLocale("C");
        try {
            return call.get();
        } finally {
            if (previous != null && !"C".equals(previous)) {
                LibC.setNumericLocale(previous);
            }
        }
    }

    private static List<String> stringArray(Pointer p) {
        if (p == null) {
            return List.of();
        }
        List<String> result = new ArrayList<>();
        for (String s : p.getStringArray(0)) {
            result.add(s);
        }
        return result;
    }

    /**
     * ngspice replaced a value it could not read (a typo such as {@code 10q}, a resistor with no value) by a default
     * and warned only: the circuit it would simulate is not the one written, so it is refused (issue 22 item 3).
     */
    private static NgSpiceException substituted(NgSpiceOutput out, List<String> deck) {
        return errorFor("ngspice could not read a value in \"" + deck.get(0).strip() + "\" and put in a default of"
                + " its own; refusing to simulate a circuit other than the one written", new NgSpiceOutput(out.stdout(),
                out.notes(), out.substitutions(), out.warnings()), deck);
    }

    private static NgSpiceException errorFor(String what, NgSpiceOutput out, List<String> deck) {
        List<String> messages = out.errors().isEmpty() ? out.stdout() : out.errors();
        int number = out.errorLineNumber();
        String line = null;
        // ngspice quotes the offending line (lower-cased, instance names expanded): find it in the deck
        for (String message : out.errors()) {
            String m = message.toLowerCase(Locale.ROOT).strip();
            for (int i = 1; i < deck.size(); i++) {
                String candidate = deck.get(i).strip().toLowerCase(Locale.ROOT);
                if (candidate.isEmpty() || candidate.startsWith("*") || candidate.startsWith(".")) {
                    continue;
                }
                if (m.contains(candidate) || m.equals(candidate)) {
                    line = deck.get(i);
                    number = i + 1;
                    break;
                }
            }
            if (line != null) {
                break;
            }
        }
        if (line == null && number > 0 && number <= deck.size()) {
            line = deck.get(number - 1);
        }
        return new NgSpiceException(what, messages, line, line == null ? 0 : number);
    }
}
