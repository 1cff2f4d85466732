package org.kljn.ngspice;

import java.util.List;

/**
 * What the analysis layer needs from a SPICE engine: load a netlist, run its analyses, read vectors.
 * {@link NgSpice} is the implementation over ngspice's shared library.
 */
public interface SpiceSimulator extends AutoCloseable {

    /** Loads a netlist (title line first; ".end" appended if missing), freeing any previous circuit. */
    void loadCircuit(List<String> lines);

    /** Runs the analyses of the loaded netlist synchronously. */
    void run();

    /** One ngspice command, e.g. {@code "ac lin 101 0 1k"} or {@code "alter vsrc ac = 1"}. */
    NgSpiceOutput command(String command);

    String currentPlot();

    List<String> plots();

    List<String> vectorNames(String plot);

    /** A vector of the current plot, or {@code plot.vector}, copied out. */
    SpiceVector vector(String name);

    /** What the engine warned about the loaded circuit while loading and running it (none by default). */
    default List<String> warnings() {
        return List.of();
    }

    /** Frees the circuit and its plots. */
    void freeCircuit();

    @Override
    void close();
}
