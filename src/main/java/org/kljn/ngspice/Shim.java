package org.kljn.ngspice;

import com.sun.jna.Callback;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;

import java.io.IOException;
import java.io.InputStream;

import java.nio.file.Path;


/**
 * kljn's C library {@code libkljnstream.so} (native/shim/kljn_stream.c, built by native/build-shim.sh into the jar):
 * it answers ngspice's per-point callbacks itself (tabulated EXTERNAL sources, the step grid, batching of accepted
 * points) and calls Java once per block. Loaded once per JVM from the jar, through a copy in this process's
 * temporary folder (see {@link LibraryFiles}); one shim state per ngspice instance, passed back by ngspice as
 * userData.
 *
 * <p>Bound with JNA direct mapping, so the Java callbacks it forwards to stay on JNA's fast path.
 */
final class Shim {
    static final String RESOURCE = "native/" + Platform.RESOURCE_PREFIX + "/libkljnstream.so";
    private static final String problem = load();

    private Shim() {
    }

    /** Java's table refill: writes {@code count} values of source {@code source} from stream index {@code first}. */
    interface Refill extends Callback {
        int invoke(long state, int source, long first, int count, long into);
    }

    /** Java's consumer of {@code points} buffered records at {@code from}. */
    interface Flush extends Callback {
        int invoke(long state, int points, long from);
    }

    /** Whether the shim is loaded. */
    static boolean available() {
        return problem == null;
    }

    /** Why the shim is not available (null when it is). */
    static String problem() {
        return problem;
    }

    private static String load() {
        if (!Platform.isLinux()) {
            return "the shim is built for Linux only (this is " + System.getProperty("os.name") + ")";
        }
        byte[] bytes;
        try (InputStream in = Shim.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return RESOURCE + " is not in kljn's jar or classes (native/build-shim.sh did not build it: no C"
                        + " compiler at build time?)";
            }
            bytes = in.readAllBytes();
        } catch (IOException e) {
            return "cannot read " + RESOURCE + ": " + IoMessages.reason(e);
        }
        Path file;
        try {
            file = LibraryFiles.writeOwnedCopy("libkljnstream", bytes);
        } catch (NgSpiceException e) {
            return e.getMessage();
        }
        try {
            Native.register(Shim.class, NativeLibrary.getInstance(file.toString()));
            return null;
        } catch (UnsatisfiedLinkError e) {
            return "cannot load " + RESOURCE + ": " + e.getMessage().lines().findFirst().orElse("");
        } finally {
            LibraryFiles.discard(file);
        }
    }

    static String describe() {
        return problem == null ? "native shim " + RESOURCE : "JNA callbacks (" + problem + ")";
    }

    // ------------------------------------------------------------------ kljn_stream.c

    static native long kljn_shim_new(int ident);

    static native void kljn_shim_set_java(long state, DirectBinding.SendDataRaw sendData, DirectBinding.SourceRaw vsrc,
            DirectBinding.SourceRaw isrc, DirectBinding.SyncRaw sync, Refill refill, Flush flush);

    static native int kljn_shim_ngspice_init(long state, long ngSpiceInit, NgSpiceLibrary.SendChar sendChar,
            NgSpiceLibrary.SendStat sendStat, NgSpiceLibrary.ControlledExit controlledExit,
            NgSpiceLibrary.SendInitData sendInitData, NgSpiceLibrary.BGThreadRunning bgThreadRunning);

    static native int kljn_shim_ngspice_init_sync(long state, long ngSpiceInitSync, int withSync);

    static native int kljn_shim_add_source(long state, String name, double h, double period, long segments, long nodes,
            int capacityLog2, int chunk);

    static native int kljn_shim_begin(long state, double grid, int capacityPoints);

    static native int kljn_shim_set_wanted(long state, int n, int[] indices);

    static native int kljn_shim_drain(long state);

    static native long kljn_shim_points(long state);

    static native String kljn_shim_error(long state);

    static native void kljn_shim_end(long state);

}
