package org.kljn.ngspice;

import java.util.List;

/**
 * Receives every accepted point of a running analysis through ngspice's SendData callback, so that
 * a long transient need not keep its vectors in ngspice's memory (see {@link NgSpice#streamOnly}).
 *
 * <p>Both methods run on ngspice's thread, inside the simulation: keep them short and never call
 * back into the session.
 */
public interface StreamListener {
    /**
     * A new plot begins (once per analysis, before its first point).
     *
     * @param plotName    e.g. {@code tran1}
     * @param plotType    the analysis, e.g. {@code Transient Analysis}
     * @param vectorNames the vectors in the order of {@link #point}'s arrays (ngspice's names, such as
     *                    {@code time}, {@code a} for node a's voltage, {@code vprobe#branch})
     */
    void plotStarted(String plotName, String plotType, List<String> vectorNames);

    /**
     * One accepted point. The arrays are reused for the next point: copy what you keep.
     *
     * @param index the point's index in the plot (0-based)
     * @param real  real parts, indexed as in {@link #plotStarted}
     * @param imag  imaginary parts (zero for real analyses)
     */
    void point(int index, double[] real, double[] imag);
}
