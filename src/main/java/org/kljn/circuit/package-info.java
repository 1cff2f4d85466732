/**
 * The KLJN loop as a circuit: the public resistor pair, Alice's and Bob's choice for one bit, the cable models
 * between them, Eve's probes, and the SPICE netlist that describes it all.
 *
 * <p>Entry points: {@link org.kljn.circuit.KljnLoop#secure} builds the loop of one bit situation (paper, Fig. 1)
 * from a {@link org.kljn.circuit.ResistorPair} {R_L, R_H} (Sec. 1), the {@link org.kljn.circuit.Resistor} Alice
 * holds and a {@link org.kljn.circuit.LineModel}; {@link org.kljn.circuit.CableSpec} is the one factory that turns
 * a user's description of a cable (a {@link org.kljn.circuit.CableKind}, its values or a
 * {@link org.kljn.circuit.CablePreset} and a length) into a line model, with the rules between the values; the
 * models are {@link org.kljn.circuit.LumpedLine} (the paper's lumped R_c, Fig. 2), {@link org.kljn.circuit.RcLadder},
 * {@link org.kljn.circuit.UniformRcLine}, {@link org.kljn.circuit.LossyLine} (LTRA) and
 * {@link org.kljn.circuit.UserSubcircuit}, each stating where it is valid. {@link org.kljn.circuit.NetlistWriter}
 * writes plain SPICE that also runs in the ngspice program; {@link org.kljn.circuit.Probes} names Eve's probe nodes
 * (Fig. 3). A bad value throws {@link org.kljn.circuit.ParameterException}, naming the physical
 * {@link org.kljn.circuit.Parameter} so that each front end can name its own option; {@link org.kljn.circuit.SpiceNumbers}
 * reads and writes SPICE numbers ("10k", "100n") independently of the locale.
 *
 * <p>Depends on: nothing outside the JDK and nothing of the project (the netlists are text; running them is the
 * {@link org.kljn.ngspice} package's job).
 */
package org.kljn.circuit;
