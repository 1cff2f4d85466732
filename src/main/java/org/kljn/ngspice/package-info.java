/**
 * The bridge to ngspice 39.3's shared library ({@code libngspice.so.0}): load a netlist, run its analyses, read its
 * vectors, and stream a long transient whose sources are fed from Java. It knows nothing of KLJN; every other
 * package that simulates goes through it.
 *
 * <p>Entry points: {@link org.kljn.ngspice.NgSpice#open()} opens a session on one loaded copy of the library (one
 * caller at a time, because ngspice keeps global state); {@link org.kljn.ngspice.NgSpicePool} holds several
 * sessions, each on a private copy of the library, for parallel work; {@link org.kljn.ngspice.SpiceSimulator} is
 * what the analysis needs of a SPICE engine; {@link org.kljn.ngspice.NgSpice#runTabulated} runs a streaming
 * transient whose EXTERNAL sources are tables ({@link org.kljn.ngspice.TabulatedSource}) and hands the accepted
 * points to a {@link org.kljn.ngspice.StreamListener}. ngspice's errors arrive as
 * {@link org.kljn.ngspice.NgSpiceException} with its own text; a library instance that called ControlledExit is
 * {@link org.kljn.ngspice.NgSpiceDeadException} and is never called again.
 *
 * <p>Depends on: JNA (every function the library exports, {@code NgSpiceLibrary}; the two callback registrations
 * by direct mapping), libc (numeric locale, signal dispositions), and kljn's optional C shim
 * ({@code native/shim/kljn_stream.c}, carried in the jar) that answers the per-point callbacks without entering
 * the JVM; without the shim the same numbers come through JNA upcalls ({@link org.kljn.ngspice.CallbackPath}). The
 * facts of this ngspice version that the bridge relies on are in docs/ngspice.md.
 * Nothing of the project.
 */
package org.kljn.ngspice;
