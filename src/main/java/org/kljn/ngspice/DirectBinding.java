package org.kljn.ngspice;

import com.sun.jna.Callback;
import com.sun.jna.Pointer;

/**
 * ngspice's two registration functions, bound with JNA direct mapping. JNA invokes callbacks that were
 * registered through a direct-mapped function on its fast path (no argument boxing or reflection): about
 * 0.5 µs per call here instead of about 1.7 µs, which matters for callbacks made on every Newton iteration
 * and time step. The hot callbacks take raw addresses ({@code long}) and read them with {@link RawMemory}.
 *
 * <p>Direct mapping binds a class to one library; each loaded copy of ngspice gets its own copy of this class
 * from {@link #bind} (a one-class loader), so that several instances can be registered.
 */
public final class DirectBinding {
    private DirectBinding() {
    }

    /** {@code int SendData(vecvaluesall*, int, int, void*)} with raw addresses. */
    public interface SendDataRaw extends Callback {
        int invoke(long vecValuesAll, int count, int ident, long user);
    }

    /** {@code int GetVSRCData(double*, double, char*, int, void*)} and GetISRCData, with raw addresses. */
    public interface SourceRaw extends Callback {
        int invoke(long value, double time, long name, int ident, long user);
    }

    /** {@code int GetSyncData(double, double*, double, int, int, int, void*)} with raw addresses. */
    public interface SyncRaw extends Callback {
        int invoke(double time, long delta, double oldDelta, int redoStep, int ident, int location, long user);
    }

    public static native int ngSpice_Init(NgSpiceLibrary.SendChar printfcn, NgSpiceLibrary.SendStat statfcn,
            NgSpiceLibrary.ControlledExit ngexit, SendDataRaw sdata, NgSpiceLibrary.SendInitData sinitdata,
            NgSpiceLibrary.BGThreadRunning bgtrun, Pointer userData);

    public static native int ngSpice_Init_Sync(SourceRaw vsrcdat, SourceRaw isrcdat, SyncRaw syncdat, Pointer ident,
            Pointer userData);

    /** A fresh copy of this class, registered with {@code library}. */
    static Class<?> bind(com.sun.jna.NativeLibrary library) {
        Class<?> copy = new OneClassLoader(DirectBinding.class).copy();
        com.sun.jna.Native.register(copy, library);
        return copy;
    }

    /** Defines one more copy of a class from its bytes; everything else comes from the parent loader. */
    private static final class OneClassLoader extends ClassLoader {
        private final Class<?> template;

        OneClassLoader(Class<?> template) {
            super(template.getClassLoader());
            this.template = template;
        }

        Class<?> copy() {
            String resource = template.getName().replace('.', '/') + ".class";
            try (java.io.InputStream in = template.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("cannot read " + resource);
                }
                byte[] bytes = in.readAllBytes();
                return defineClass(template.getName(), bytes, 0, bytes.length, template.getProtectionDomain());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
