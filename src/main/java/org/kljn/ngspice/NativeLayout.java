package org.kljn.ngspice;

/**
 * Byte offsets of ngspice 39.3's structs on x86-64 (see ../shared/notes/ngspice-39.md and
 * {@code sharedspice.h}). Read with {@code Pointer.getXxx(offset)} in the hot callbacks.
 */
final class NativeLayout {
    private NativeLayout() {
    }

    // vector_info (40 bytes)
    static final int VECTOR_INFO_NAME = 0;
    static final int VECTOR_INFO_TYPE = 8;
    static final int VECTOR_INFO_FLAGS = 12;
    static final int VECTOR_INFO_REALDATA = 16;
    static final int VECTOR_INFO_COMPDATA = 24;
    static final int VECTOR_INFO_LENGTH = 32;

    // vecvalues (32 bytes)
    static final int VECVALUES_NAME = 0;
    static final int VECVALUES_CREAL = 8;
    static final int VECVALUES_CIMAG = 16;
    static final int VECVALUES_IS_SCALE = 24;
    static final int VECVALUES_IS_COMPLEX = 25;

    // vecvaluesall (16 bytes)
    static final int VECVALUESALL_VECCOUNT = 0;
    static final int VECVALUESALL_VECINDEX = 4;
    static final int VECVALUESALL_VECSA = 8;

    // vecinfo (40 bytes)
    static final int VECINFO_NUMBER = 0;
    static final int VECINFO_VECNAME = 8;
    static final int VECINFO_IS_REAL = 16;

    // vecinfoall (48 bytes)
    static final int VECINFOALL_NAME = 0;
    static final int VECINFOALL_TITLE = 8;
    static final int VECINFOALL_DATE = 16;
    static final int VECINFOALL_TYPE = 24;
    static final int VECINFOALL_VECCOUNT = 32;
    static final int VECINFOALL_VECS = 40;

    // ngcomplex_t (16 bytes)
    static final int COMPLEX_SIZE = 16;

    /** ngspice's vector types (ftedefs.h {@code SV_*}) that kljn distinguishes. */
    static final int SV_TIME = 1;
    static final int SV_FREQUENCY = 2;
    static final int SV_VOLTAGE = 3;
    static final int SV_CURRENT = 4;
}
