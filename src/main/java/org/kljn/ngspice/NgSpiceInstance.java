package org.kljn.ngspice;

import com.sun.jna.CallbackThreadInitializer;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;

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
    private static boolean systemFileLoaded;
    /** JNA's dlopen flags: RTLD_LAZY without RTLD_GLOBAL, so that copies do not share symbols. */
    private static final int RTLD_LAZY_LOCAL = 1;

    final NgSpiceLibrary lib;
    final Path file;
    final int ident;

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
    private final Map<String, DoubleUnaryOperator> voltageSources = new HashMap<>();
    private final Map<String, DoubleUnaryOperator> currentSources = new HashMap<>();
    // one-entry caches keyed by the address of ngspice's instance-name string (stable during a run)
    private long lastVoltageName;
    private DoubleUnaryOperator lastVoltage;
    private long lastCurrentName;
    private DoubleUnaryOperator lastCurrent;
    private double[] streamReal = new double[0];
    private double[] streamImag = new double[0];

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
    private final NgSpiceLibrary.SendData sendData = this::onData;
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
    private final NgSpiceLibrary.GetVSRCData getVsrc = this::onVoltageSource;
    private final NgSpiceLibrary.GetISRCData getIsrc = this::onCurrentSource;
    private final NgSpiceLibrary.GetSyncData getSync = this::onSync;

    private NgSpiceInstance(Path file) {
        this.file = file;
        this.ident = IDENTS.getAndIncrement();
        this.lib = Native.load(file.toString(), NgSpiceLibrary.class,
                Map.of(Library.OPTION_OPEN_FLAGS, RTLD_LAZY_LOCAL));
        // Callbacks from ngspice's background thread: keep that thread attached to the JVM
        // instead of attaching and detaching it on every call.
        CallbackThreadInitializer keepAttached = new CallbackThreadInitializer(true, false, "ngspice-bg-" + ident);
        for (Object cb : new Object[] {sendChar, sendStat, controlledExit, sendData, sendInitData,
                bgThreadRunning, getVsrc, getIsrc, getSync}) {
            Native.setCallbackThreadInitializer((com.sun.jna.Callback) cb, keepAttached);
        }
        String previousLocale = LibC.setNumericLocale("C");
        LibC.SavedSignals signals = new LibC.SavedSignals();
        int rc;
        try {
            rc = lib.ngSpice_Init(sendChar, sendStat, controlledExit, sendData, sendInitData, bgThreadRunning,
                    null);
        } finally {
            signals.restore();
            LibC.setNumericLocale(previousLocale);
        }
        if (rc != 0) {
            throw new NgSpiceException("ngSpice_Init of " + file + " returned " + rc, drainCaptured());
        }
        // EXTERNAL sources fail with "No callback supplied" unless these are registered.
        registerSync(false);
    }

    /** Takes an idle healthy instance, or loads the system library, or a private copy of it. */
    static NgSpiceInstance acquire() {
        synchronized (IDLE) {
            NgSpiceInstance idle = IDLE.pollFirst();
            if (idle != null) {
                return idle;
            }
            Path system = LibraryFiles.systemLibrary();
            if (!systemFileLoaded) {
                systemFileLoaded = true;
                return new NgSpiceInstance(system);
            }
            return new NgSpiceInstance(LibraryFiles.privateCopy(system));
        }
    }

    /** Returns a healthy instance for reuse; a dead or tainted one is dropped (never called again). */
    static void release(NgSpiceInstance instance) {
        if (instance.dead || instance.backgroundRunning || instance.stickySaveNone || instance.stickyInterp) {
            return;
        }
        instance.clearDispatch();
        synchronized (IDLE) {
            IDLE.addFirst(instance);
        }
    }

    /** Loads a brand-new private copy (used after ControlledExit or when output modes are sticky). */
    static NgSpiceInstance fresh() {
        return new NgSpiceInstance(LibraryFiles.privateCopy(LibraryFiles.systemLibrary()));
    }

    void registerSync(boolean withStepControl) {
        if (syncRegistered) {
            return;
        }
        IntByReference id = new IntByReference(ident);
        // Once GetSyncData is registered ngspice keeps calling it (wantsync is never reset), so it is
        // registered only when a caller first needs step control, and then kept.
        lib.ngSpice_Init_Sync(getVsrc, getIsrc, withStepControl ? getSync : null, id, null);
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
        voltageSources.put(name.toLowerCase(java.util.Locale.ROOT), f);
        lastVoltageName = 0;
    }

    synchronized void setCurrentSource(String name, DoubleUnaryOperator f) {
        currentSources.put(name.toLowerCase(java.util.Locale.ROOT), f);
        lastCurrentName = 0;
    }

    synchronized void clearDispatch() {
        voltageSources.clear();
        currentSources.clear();
        lastVoltageName = 0;
        lastCurrentName = 0;
        streamListener = null;
        stepControl = null;
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

    private int onVoltageSource(Pointer value, double time, Pointer name, int id, Pointer user) {
        try {
            return onVoltageSourceUnguarded(value, time, name, id, user);
        } catch (Throwable t) {
            recordFailure(t);
            value.setDouble(0, 0.0);
            return 0;
        }
    }

    private int onVoltageSourceUnguarded(Pointer value, double time, Pointer name, int id, Pointer user) {
        long address = Pointer.nativeValue(name);
        DoubleUnaryOperator f = lastVoltage;
        if (address != lastVoltageName || f == null) {
            f = voltageSources.get(name.getString(0).toLowerCase(java.util.Locale.ROOT));
            lastVoltage = f;
            lastVoltageName = address;
        }
        value.setDouble(0, f == null ? 0.0 : f.applyAsDouble(time));
        return 0;
    }

    private int onCurrentSource(Pointer value, double time, Pointer name, int id, Pointer user) {
        try {
            return onCurrentSourceUnguarded(value, time, name, id, user);
        } catch (Throwable t) {
            recordFailure(t);
            value.setDouble(0, 0.0);
            return 0;
        }
    }

    private int onCurrentSourceUnguarded(Pointer value, double time, Pointer name, int id, Pointer user) {
        long address = Pointer.nativeValue(name);
        DoubleUnaryOperator f = lastCurrent;
        if (address != lastCurrentName || f == null) {
            f = currentSources.get(name.getString(0).toLowerCase(java.util.Locale.ROOT));
            lastCurrent = f;
            lastCurrentName = address;
        }
        value.setDouble(0, f == null ? 0.0 : f.applyAsDouble(time));
        return 0;
    }

    private int onSync(double time, Pointer delta, double oldDelta, int redoStep, int id, int location, Pointer user) {
        try {
            return onSyncUnguarded(time, delta, oldDelta, redoStep, id, location, user);
        } catch (Throwable t) {
            recordFailure(t);
            
            return 0;
        }
    }

    private int onSyncUnguarded(double time, Pointer delta, double oldDelta, int redoStep, int id, int location, Pointer user) {
        StepControl control = stepControl;
        if (control != null) {
            double proposed = delta.getDouble(0);
            double limited = control.limitStep(time, proposed);
            if (limited > 0 && limited < proposed) {
                delta.setDouble(0, limited);
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
        listener.plotStarted(plot, type, List.copyOf(names));
        return 0;
    }

    private int onData(Pointer all, int count, int id, Pointer user) {
        try {
            return onDataUnguarded(all, count, id, user);
        } catch (Throwable t) {
            recordFailure(t);
            
            return 0;
        }
    }

    private int onDataUnguarded(Pointer all, int count, int id, Pointer user) {
        StreamListener listener = streamListener;
        if (listener == null) {
            return 0;
        }
        int n = all.getInt(NativeLayout.VECVALUESALL_VECCOUNT);
        int index = all.getInt(NativeLayout.VECVALUESALL_VECINDEX);
        if (streamReal.length != n) {
            streamReal = new double[n];
            streamImag = new double[n];
        }
        Pointer values = all.getPointer(NativeLayout.VECVALUESALL_VECSA);
        for (int i = 0; i < n; i++) {
            Pointer v = values.getPointer((long) i * Native.POINTER_SIZE);
            streamReal[i] = v.getDouble(NativeLayout.VECVALUES_CREAL);
            streamImag[i] = v.getDouble(NativeLayout.VECVALUES_CIMAG);
        }
        listener.point(index, streamReal, streamImag);
        return 0;
    }
}
