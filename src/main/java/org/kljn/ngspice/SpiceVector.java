package org.kljn.ngspice;

import java.util.Arrays;

/**
 * A vector copied out of ngspice at once (ngspice reuses the memory behind {@code ngGet_Vec_Info}).
 *
 * @param name the vector's name as ngspice gives it
 * @param type ngspice's vector type code ({@code SV_TIME}=1, {@code SV_FREQUENCY}=2, {@code SV_VOLTAGE}=3,
 *             {@code SV_CURRENT}=4, ...)
 * @param real real parts (the values of a real vector)
 * @param imag imaginary parts, or {@code null} for a real vector
 */
public record SpiceVector(String name, int type, double[] real, double[] imag) {

    public boolean isComplex() {
        return imag != null;
    }

    public int length() {
        return real.length;
    }

    public double real(int i) {
        return real[i];
    }

    public double imag(int i) {
        return imag == null ? 0.0 : imag[i];
    }

    /** The last value's real part, e.g. the result of an operating point. */
    public double last() {
        return real[real.length - 1];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SpiceVector v && v.name.equals(name) && v.type == type
                && Arrays.equals(v.real, real) && Arrays.equals(v.imag, imag);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(real);
    }

    @Override
    public String toString() {
        return "SpiceVector[" + name + ", " + real.length + (imag == null ? " real" : " complex") + " points]";
    }
}
