package org.kljn.ngspice;

import com.sun.jna.CallbackThreadInitializer;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleUnaryOperator;

/**
 * One loaded copy of the ngspice shared library and the callbacks registered with it.
 *
 * <p>The callbacks are fields of this object, so they live as long as the library (JNA would
 * otherwise let the garbage collector free a callback that ngspice still calls). They dispatch to
 * whatever the current {@link NgSpice} session installed.
 *
 * <p>Instances are pooled process-wide: a closed session returns its healthy instance here, and the
 * next session reuses it instead of loading another copy.
 */
final class NgSpiceInstance {
    private static final AtomicInteger IDENTS = new AtomicInteger();
    private static final Deque<NgSpiceInstance> IDLE = new ArrayDeque<>();
    /**
     * One initialisation at a time in the whole JVM: ngspice's start-up touches process-wide state (signal
     * dispositions, the numeric locale), and the JVM's handlers below are re-checked after each.
     */
    private static final Object INIT_LOCK = new Object();
    /** The JVM's signal handlers, captured before the first ngspice instance starts. */
    private static final LibC.SavedSignals JVM_HANDLERS = LibC.SavedSignals.capture();
    /** JNA's dlopen flags: RTLD_LAZY without RTLD_GLOBAL, so that copies do not share symbols. */
    private static final int RTLD_LAZY_LOCAL = 1;

    final NgSpiceLibrary lib;
    /** The copy this instance was loaded from (deleted once loaded: the loader keeps its mapping). */
    final Path file;
    final int ident;
    /** Who answers the per-point callbacks: the native shim (its state is {@link #shim}) or JNA upcalls. */
    final CallbackPath callbacks;
    /** The shim's state for this instance (ngspice passes it back as userData), 0 on the JNA path. */
    final long shim;
    private final long initSyncFunction;

    // --- state the callbacks write; read by the session ---
    private final List<String> captured = new ArrayList<>();
    volatile boolean dead;
    volatile int exitStatus;
    volatile boolean backgroundRunning;
    private volatile CountDownLatch backgroundDone = new CountDownLatch(0);
    private volatile CountDownLatch backgroundStarted = new CountDownLatch(0);
    /** 39.3 never resets {@code .save none} or {@code interp} once a circuit used them (outitf.c statics). */
    boolean stickySaveNone;
    boolean stickyInterp;
    boolean syncRegistered;

    // --- dispatch targets set by the session ---
    volatile StreamListener streamListener;
    /** The first exception a Java callback threw during a run (JNA would only log it). */
    volatile Throwable callbackFailure;
    volatile StepControl stepControl;
    private final SourceTable voltageSources = new SourceTable();
    private final SourceTable currentSources = new SourceTable();
    private double[] streamReal = new double[0];
    private double[] streamImag = new double[0];
    // --- a tabulated run on the shim (see TabulatedRun) ---
    private volatile boolean batching;
    private TabulatedSource[] tabulated = new TabulatedSource[0];
    private List<String> streamedVectors = List.of();
    /** Vector index of each buffered value (in SendData's order; -1 when the plot lacks it). */
    private int[] wanted = new int[0];
    private double[] flushBuffer = new double[0];
    private double[] refillBuffer = new double[0];

    // --- callbacks (strong references for the life of the library) ---
    private final NgSpiceLibrary.SendChar sendChar = (text, id, user) -> {
        synchronized (captured) {
            captured.add(text);
        }
        return 0;
    };
    private final NgSpiceLibrary.SendStat sendStat = (status, id, user) -> 0;
    private final NgSpiceLibrary.ControlledExit controlledExit = (status, unload, onQuit, id, user) -> {
        exitStatus = status;
        dead = true;
        return 0;
    };
    private final DirectBinding.SendDataRaw sendData = this::onData;
    private final NgSpiceLibrary.SendInitData sendInitData = this::onInitData;
    private final NgSpiceLibrary.BGThreadRunning bgThreadRunning = (ended, id, user) -> {
        if (ended != 0) {
            backgroundRunning = false;
            backgroundDone.countDown();
        } else {
            backgroundRunning = true;
            backgroundStarted.countDown();
        }
        return 0;
    };
    private final DirectBinding.SourceRaw getVsrc = this::onVoltageSource;
    private final DirectBinding.SourceRaw getIsrc = this::onCurrentSource;
    private final DirectBinding.SyncRaw getSync = this::onSync;
    private final Shim.Refill refill = this::onRefill;
    private final Shim.Flush flush = this::onFlush;
    /** This instance's copy of {@link DirectBinding}, registered with its library (fast callbacks). */
    private final Class<?> binding;
    private final com.sun.jna.Memory identMemory = new com.sun.jna.Memory(4);

    private NgSpiceInstance(Path file, CallbackPath callbacks) {
        this.file = file;
        this.ident = IDENTS.getAndIncrement();
        this.callbacks = callbacks;
        Map<String, Object> options = Map.of(Library.OPTION_OPEN_FLAGS, RTLD_LAZY_LOCAL);
        synchronized (INIT_LOCK) {
            long initFunction;
            try {
                this.lib = Native.load(file.toString(), NgSpiceLibrary.class, options);
                com.sun.jna.NativeLibrary loaded = com.sun.jna.NativeLibrary.getInstance(file.toString(), options);
                this.binding = DirectBinding.bind(loaded);
                initFunction = Pointer.nativeValue(loaded.getFunction("ngSpice_Init"));
                this.initSyncFunction = Pointer.nativeValue(loaded.getFunction("ngSpice_Init_Sync"));
            } catch (UnsatisfiedLinkError e) {
                Path original = LibraryFiles.systemLibrary();
                throw new NgSpiceException(original + " cannot be loaded as the ngspice shared library ("
                        + LibraryFiles.source() + "): " + e.getMessage().replace(file.toString(), original.toString())
                        .lines().findFirst().orElse(""), List.of());
            } finally {
                // loaded (or failed): the mapping outlives the file, and nothing is left in the temporary folder
                LibraryFiles.discard(file);
            }
            identMemory.setInt(0, ident);
            // Callbacks from ngspice's background thread: keep that thread attached to the JVM
            // instead of attaching and detaching it on every call.
            CallbackThreadInitializer keepAttached = new CallbackThreadInitializer(true, false, "ngspice-bg-" + ident);
            for (com.sun.jna.Callback cb : new com.sun.jna.Callback[] {sendChar, sendStat, controlledExit, sendData,
                    sendInitData, bgThreadRunning, getVsrc, getIsrc, getSync, refill, flush}) {
                Native.setCallbackThreadInitializer(cb, keepAttached);
            }
            if (callbacks == CallbackPath.SHIM) {
                this.shim = Shim.kljn_shim_new(ident);
                if (shim == 0) {
                    throw new OutOfMemoryError("cannot allocate the native shim's state");
                }
                // the shim forwards what it does not answer itself to the same Java callbacks as the JNA path
                Shim.kljn_shim_set_java(shim, sendData, getVsrc, getIsrc, getSync, refill, flush);
            } else {
                this.shim = 0;
            }
            String previousLocale = LibC.setNumericLocale("C");
            int rc;
            try {
                rc = shim != 0 ? Shim.kljn_shim_ngspice_init(shim, initFunction, sendChar, sendStat, controlledExit,
                        sendInitData, bgThreadRunning) : (Integer) binding.getMethod("ngSpice_Init", NgSpiceLibrary.SendChar.class,
                        NgSpiceLibrary.SendStat.class, NgSpiceLibrary.ControlledExit.class,
                        DirectBinding.SendDataRaw.class, NgSpiceLibrary.SendInitData.class,
                        NgSpiceLibrary.BGThreadRunning.class, Pointer.class)
                        .invoke(null, sendChar, sendStat, controlledExit, sendData, sendInitData, bgThreadRunning, null);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot call ngSpice_Init of " + file, e);
            } finally {
                // a no-op for a signal-free copy (SignalFreeElf); puts the JVM's handlers back otherwise
                JVM_HANDLERS.restoreChanged();
                LibC.setNumericLocale(previousLocale);
            }
            if (rc != 0) {
                throw new NgSpiceException("ngSpice_Init of " + file + " returned " + rc, drainCaptured());
            }
            // EXTERNAL sources fail with "No callback supplied" unless these are registered.
            registerSync(false);
        }
    }

    /** Signals whose JVM handler differs from the one captured before the first ngspice start (for tests). */
    static List<Integer> signalsChangedSinceStartForTest() {
        synchronized (INIT_LOCK) {
            return JVM_HANDLERS.restoreChanged();
        }
    }

    /** Takes an idle clean instance (no sticky output mode), or loads a fresh private copy of the library. */
    static NgSpiceInstance acquire(CallbackPath callbacks) {
        return acquire(callbacks, false, false);
    }

    /**
     * Takes an idle healthy instance that can run a circuit wanting (or not) {@code .save none} and {@code interp}:
     * one already stuck in exactly those modes first (so clean instances stay clean), else one that {@link #suits}
     * them, else a fresh private copy (every instance is a private, signal-free copy, see {@link SignalFreeElf}).
     */
    static NgSpiceInstance acquire(CallbackPath callbacks, boolean saveNone, boolean interp) {
        synchronized (IDLE) {
            NgSpiceInstance suitable = null;
            for (java.util.Iterator<NgSpiceInstance> it = IDLE.iterator(); it.hasNext(); ) {
                NgSpiceInstance idle = it.next();
                if (idle.callbacks == callbacks && idle.matches(saveNone, interp)) {
                    it.remove();
                    return idle;
                }
                if (suitable == null && idle.callbacks == callbacks && idle.suits(saveNone, interp)) {
                    suitable = idle;
                }
            }
            if (suitable != null) {
                IDLE.remove(suitable);
                return suitable;
            }
        }
        return fresh(callbacks);
    }

    /** Loads a brand-new private copy of the library (a start-up stress test calls this directly). */
    static NgSpiceInstance fresh(CallbackPath callbacks) {
        return new NgSpiceInstance(LibraryFiles.privateCopy(LibraryFiles.systemLibrary()), callbacks);
    }

    /**
     * Whether a circuit wanting (or not) {@code .save none} and {@code interp} runs right here: 39.3 never resets
     * either once used, so an instance stuck in one serves only circuits that want it.
     */
    boolean suits(boolean saveNone, boolean interp) {
        return (!stickySaveNone || saveNone) && (!stickyInterp || interp);
    }

    /** Whether this instance is already stuck in exactly these modes (running such a circuit changes nothing). */
    boolean matches(boolean saveNone, boolean interp) {
        return stickySaveNone == saveNone && stickyInterp == interp;
    }

    /** Whether an idle instance stuck in exactly these modes is waiting (a better home for such a circuit). */
    static boolean idleMatching(CallbackPath callbacks, boolean saveNone, boolean interp) {
        synchronized (IDLE) {
            return IDLE.stream().anyMatch(i -> i.callbacks == callbacks && i.matches(saveNone, interp));
        }
    }

    /**
     * Returns a healthy instance, freed of its circuits, for reuse, sticky output modes and all (each process keeps
     * a few instances per mode instead of loading a private copy per circuit: issue 22.12, where a sweep alternating
     * exact analyses and `.save none` transients mapped one more 7.4 MB copy per point). A dead instance (after
     * ControlledExit) or one still running in the background is dropped (never called again).
     */
    static void release(NgSpiceInstance instance) {
        if (instance.dead || instance.backgroundRunning) {
            return;
        }
        instance.clearDispatch();
        synchronized (IDLE) {
            IDLE.addFirst(instance);
        }
    }

    void registerSync(boolean withStepControl) {
        if (syncRegistered) {
            return;
        }
        // Once GetSyncData is registered ngspice keeps calling it (wantsync is never reset), so it is
        // registered only when a caller first needs step control, and then kept.
        if (shim != 0) {
            // the shim's source and sync callbacks answer tabulated runs and forward everything else to Java
            Shim.kljn_shim_ngspice_init_sync(shim, initSyncFunction, withStepControl ? 1 : 0);
            syncRegistered = withStepControl;
            return;
        }
        try {
            binding.getMethod("ngSpice_Init_Sync", DirectBinding.SourceRaw.class, DirectBinding.SourceRaw.class,
                    DirectBinding.SyncRaw.class, Pointer.class, Pointer.class)
                    .invoke(null, getVsrc, getIsrc, withStepControl ? getSync : null, identMemory, null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot call ngSpice_Init_Sync of " + file, e);
        }
        syncRegistered = withStepControl;
    }

    // ------------------------------------------------------------------ captured output

    void clearCaptured() {
        synchronized (captured) {
            captured.clear();
        }
    }

    List<String> drainCaptured() {
        synchronized (captured) {
            List<String> copy = new ArrayList<>(captured);
            captured.clear();
            return copy;
        }
    }

    CountDownLatch startBackground() {
        backgroundStarted = new CountDownLatch(1);
        backgroundDone = new CountDownLatch(1);
        backgroundRunning = true;
        return backgroundDone;
    }

    CountDownLatch backgroundStartedLatch() {
        return backgroundStarted;
    }

    CountDownLatch backgroundLatch() {
        return backgroundDone;
    }

    // ------------------------------------------------------------------ dispatch

    synchronized void setVoltageSource(String name, DoubleUnaryOperator f) {
        voltageSources.put(name, f);
    }

    synchronized void setCurrentSource(String name, DoubleUnaryOperator f) {
        currentSources.put(name, f);
    }

    /**
     * Takes over the dispatch a session set on {@code old} (sources, stream listener, step control) when the session
     * moves here; a session may set its sources before loading the circuit that moves it.
     */
    void takeDispatchFrom(NgSpiceInstance old) {
        synchronized (old) {
            synchronized (this) {
                voltageSources.putAll(old.voltageSources);
                currentSources.putAll(old.currentSources);
                streamListener = old.streamListener;
                stepControl = old.stepControl;
            }
        }
    }

    synchronized void clearDispatch() {
        voltageSources.clear();
        currentSources.clear();
        streamListener = null;
        stepControl = null;
        if (batching) {
            endTabulated();
        }
    }

    // ------------------------------------------------------------------ tabulated runs on the shim

    /** Hands the run's sources, grid and batching to the shim (the JNA path never calls this). */
    synchronized void beginTabulated(TabulatedRun run, StreamListener listener) {
        if (shim == 0) {
            throw new IllegalStateException("no native shim on this instance");
        }
        streamListener = listener;
        streamedVectors = run.streamedVectors();
        wanted = new int[0];
        tabulated = run.sources().toArray(new TabulatedSource[0]);
        refillBuffer = new double[run.chunk()];
        if (Shim.kljn_shim_begin(shim, run.solverGrid(), run.pointsPerFlush()) != 0) {
            throw new OutOfMemoryError("the native shim cannot allocate a buffer of " + run.pointsPerFlush() + " points");
        }
        batching = true;
        int log2 = Integer.numberOfTrailingZeros(run.ringCapacity());
        for (TabulatedSource s : tabulated) {
            if (Shim.kljn_shim_add_source(shim, s.name(), s.gridStep(), s.segmentPeriod(), s.segments(),
                    s.nodesPerSegment(), log2, run.chunk()) < 0) {
                endTabulated();
                throw new IllegalArgumentException("the native shim refused tabulated source " + s);
            }
        }
    }

    /** Hands the points still buffered to the listener (the tail of a run). */
    void drainTabulated() {
        if (batching) {
            Shim.kljn_shim_drain(shim);
        }
    }

    /** The shim's first failure in this run (a source asked past its table or history, a refill that failed). */
    String tabulatedFailure() {
        return batching ? Shim.kljn_shim_error(shim) : null;
    }

    synchronized void endTabulated() {
        if (shim != 0) {
            Shim.kljn_shim_end(shim);
        }
        batching = false;
        tabulated = new TabulatedSource[0];
        streamedVectors = List.of();
    }

    private int onRefill(long state, int source, long first, int count, long into) {
        try {
            if (refillBuffer.length < count) {
                refillBuffer = new double[count];
            }
            tabulated[source].fillStream(first, refillBuffer, 0, count);
            new Pointer(into).write(0, refillBuffer, 0, count);
            return 0;
        } catch (Throwable t) {
            recordFailure(t);
            return 1;
        }
    }

    private int onFlush(long state, int points, long from) {
        try {
            StreamListener listener = streamListener;
            if (listener == null) {
                return 0;
            }
            int[] columns = wanted;
            int record = 1 + columns.length;
            int n = points * record;
            if (flushBuffer.length < n) {
                flushBuffer = new double[n];
            }
            new Pointer(from).read(0, flushBuffer, 0, n);
            double[] real = streamReal;
            double[] imag = streamImag;
            for (int p = 0, at = 0; p < points; p++, at += record) {
                for (int i = 0; i < columns.length; i++) {
                    if (columns[i] >= 0) {
                        real[columns[i]] = flushBuffer[at + 1 + i];
                    }
                }
                listener.point((int) flushBuffer[at], real, imag);
            }
            return 0;
        } catch (Throwable t) {
            recordFailure(t);
            return 1;
        }
    }

    /** Which vectors the shim keeps per point, by SendData index, for the plot that starts. */
    private void chooseWanted(List<String> names) {
        int[] columns;
        if (streamedVectors.isEmpty()) {
            columns = new int[names.size()];
            for (int i = 0; i < columns.length; i++) {
                columns[i] = i;
            }
        } else {
            columns = new int[streamedVectors.size()];
            for (int i = 0; i < columns.length; i++) {
                columns[i] = -1;
                for (int j = 0; j < names.size(); j++) {
                    if (names.get(j).equalsIgnoreCase(streamedVectors.get(i))) {
                        columns[i] = j;
                        break;
                    }
                }
            }
        }
        if (columns.length > TabulatedRun.MAX_VECTORS) {
            throw new IllegalStateException("the plot has " + columns.length + " vectors; a tabulated run streams at"
                    + " most " + TabulatedRun.MAX_VECTORS + ": name the ones the listener reads (streamedVectors)");
        }
        Shim.kljn_shim_set_wanted(shim, columns.length, columns);
        wanted = columns;
    }

    /**
     * EXTERNAL sources by lower-case instance name, with a small cache keyed by the address of ngspice's name
     * string (stable during a run): ngspice asks on every Newton iteration, alternating between the sources, so
     * a one-entry cache would miss every time and pay a string read and a hash lookup per call.
     */
    private static final class SourceTable {
        private static final int CACHE = 4;
        private final Map<String, DoubleUnaryOperator> byName = new HashMap<>();
        private final long[] names = new long[CACHE];
        private final DoubleUnaryOperator[] cached = new DoubleUnaryOperator[CACHE];
        private int next;

        void put(String name, DoubleUnaryOperator f) {
            byName.put(name.toLowerCase(java.util.Locale.ROOT), f);
            clearCache();
        }

        void clear() {
            byName.clear();
            clearCache();
        }

        void putAll(SourceTable other) {
            byName.putAll(other.byName);
            clearCache();
        }

        private void clearCache() {
            java.util.Arrays.fill(names, 0);
            java.util.Arrays.fill(cached, null);
            next = 0;
        }

        /** Writes the source's value at {@code time} to {@code valueAddress} (0 V or A for an unknown name). */
        int answer(long valueAddress, double time, long nameAddress) {
            DoubleUnaryOperator f = null;
            for (int i = 0; i < CACHE; i++) {
                if (names[i] == nameAddress && cached[i] != null) {
                    f = cached[i];
                    break;
                }
            }
            if (f == null) {
                f = byName.get(RawMemory.getString(nameAddress).toLowerCase(java.util.Locale.ROOT));
                if (f != null) {
                    names[next] = nameAddress;
                    cached[next] = f;
                    next = (next + 1) % CACHE;
                }
            }
            RawMemory.putDouble(valueAddress, f == null ? 0.0 : f.applyAsDouble(time));
            return 0;
        }
    }

    private void recordFailure(Throwable t) {
        if (callbackFailure == null) {
            callbackFailure = t;
        }
    }

    Throwable takeCallbackFailure() {
        Throwable t = callbackFailure;
        callbackFailure = null;
        return t;
    }

    private int onVoltageSource(long value, double time, long name, int id, long user) {
        return answerSource(voltageSources, value, time, name);
    }

    private int onCurrentSource(long value, double time, long name, int id, long user) {
        return answerSource(currentSources, value, time, name);
    }

    private int answerSource(SourceTable table, long value, double time, long name) {
        try {
            return table.answer(value, time, name);
        } catch (Throwable t) {
            recordFailure(t);
            RawMemory.putDouble(value, 0.0);
            return 0;
        }
    }

    private int onSync(double time, long delta, double oldDelta, int redoStep, int id, int location, long user) {
        try {
            return onSyncUnguarded(time, delta, oldDelta, redoStep, id, location, user);
        } catch (Throwable t) {
            recordFailure(t);
            
            return 0;
        }
    }

    private int onSyncUnguarded(double time, long delta, double oldDelta, int redoStep, int id, int location, long user) {
        StepControl control = stepControl;
        if (control != null) {
            double proposed = RawMemory.getDouble(delta);
            double limited = control.limitStep(time, proposed);
            if (limited > 0 && limited < proposed) {
                RawMemory.putDouble(delta, limited);
            }
        }
        return 0;
    }

    private int onInitData(Pointer info, int id, Pointer user) {
        try {
            return onInitDataUnguarded(info, id, user);
        } catch (Throwable t) {
            recordFailure(t);
            
            return 0;
        }
    }

    private int onInitDataUnguarded(Pointer info, int id, Pointer user) {
        if (batching) {
            // the points of a previous plot go out before the next plot starts
            Shim.kljn_shim_drain(shim);
        }
        StreamListener listener = streamListener;
        if (listener == null) {
            return 0;
        }
        // vecinfoall.name is the plot's long name ("Transient Analysis"), .type its short one ("tran1")
        String plot = info.getPointer(NativeLayout.VECINFOALL_TYPE).getString(0);
        String type = info.getPointer(NativeLayout.VECINFOALL_NAME).getString(0);
        int count = info.getInt(NativeLayout.VECINFOALL_VECCOUNT);
        Pointer vecs = info.getPointer(NativeLayout.VECINFOALL_VECS);
        List<String> names = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Pointer vi = vecs.getPointer((long) i * Native.POINTER_SIZE);
            names.add(vi.getPointer(NativeLayout.VECINFO_VECNAME).getString(0));
        }
        streamReal = new double[count];
        streamImag = new double[count];
        if (batching) {
            java.util.Arrays.fill(streamReal, Double.NaN);
            chooseWanted(names);
        }
        listener.plotStarted(plot, type, List.copyOf(names));
        return 0;
    }

    private int onData(long all, int count, int id, long user) {
        try {
            return onDataUnguarded(all, count, id, user);
        } catch (Throwable t) {
            recordFailure(t);
            return 0;
        }
    }

    private int onDataUnguarded(long all, int count, int id, long user) {
        StreamListener listener = streamListener;
        if (listener == null) {
            return 0;
        }
        int n = RawMemory.getInt(all + NativeLayout.VECVALUESALL_VECCOUNT);
        int index = RawMemory.getInt(all + NativeLayout.VECVALUESALL_VECINDEX);
        if (streamReal.length != n) {
            streamReal = new double[n];
            streamImag = new double[n];
        }
        long values = RawMemory.getAddress(all + NativeLayout.VECVALUESALL_VECSA);
        for (int i = 0; i < n; i++) {
            long v = RawMemory.getAddress(values + (long) i * Native.POINTER_SIZE);
            streamReal[i] = RawMemory.getDouble(v + NativeLayout.VECVALUES_CREAL);
            streamImag[i] = RawMemory.getDouble(v + NativeLayout.VECVALUES_CIMAG);
        }
        listener.point(index, streamReal, streamImag);
        return 0;
    }
}
