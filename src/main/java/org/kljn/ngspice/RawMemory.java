package org.kljn.ngspice;

import java.lang.reflect.Field;

/**
 * Reads and writes native memory at raw addresses in the hot callbacks, without allocating a JNA
 * {@code Pointer} per access. Uses {@code sun.misc.Unsafe} (module jdk.unsupported), whose accessors the JIT
 * compiles to single loads and stores.
 */
final class RawMemory {
    private static final sun.misc.Unsafe UNSAFE;

    static {
        try {
            Field f = sun.misc.Unsafe.class.getDeclaredField("theUnsafe");
            f.setAccessible(true);
            UNSAFE = (sun.misc.Unsafe) f.get(null);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private RawMemory() {
    }

    static double getDouble(long address) {
        return UNSAFE.getDouble(address);
    }

    static void putDouble(long address, double value) {
        UNSAFE.putDouble(address, value);
    }

    static long getAddress(long address) {
        return UNSAFE.getLong(address);
    }

    static int getInt(long address) {
        return UNSAFE.getInt(address);
    }

    /** A NUL-terminated C string (ASCII names from ngspice). */
    static String getString(long address) {
        StringBuilder sb = new StringBuilder(16);
        for (long p = address; ; p++) {
            byte b = UNSAFE.getByte(p);
            if (b == 0) {
                return sb.toString();
            }
            sb.append((char) (b & 0xff));
        }
    }
}
