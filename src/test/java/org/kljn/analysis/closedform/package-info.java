/**
 * Closed-form and frequency-domain ("pure math") model of the KLJN loop, independent of ngspice.
 *
 * <p>This package is the reference the ngspice-based analysis is compared against, and what
 * {@code crosscheck} prints beside the paper (Kish &amp; Granqvist, "Elimination of a Second-Law-attack,
 * and all cable-resistance-based attacks, in the KLJN secure key exchange system").
 *
 * <h2>Circuit and conventions (used by every class here)</h2>
 * <pre>
 *   ground -- V_a -- R_A -- node A ==[ cable two-port ]== node B -- R_B -- V_b -- ground
 *                     I_A --&gt;                           I_B --&gt;
 * </pre>
 * <ul>
 *   <li>{@code U_A}, {@code U_B}: node voltages at the cable ends A and B, in volts.</li>
 *   <li>{@code I_A}: current entering the cable at A (from R_A into the cable), in amperes.</li>
 *   <li>{@code I_B}: current leaving the cable at B (toward R_B), in amperes. A lumped cable has I_A = I_B.</li>
 *   <li>Powers into the cable, in watts: {@code P_A = <U_A I_A>}, {@code P_B = -<U_B I_B>};
 *       {@code P_A + P_B} is the power dissipated in the cable.</li>
 *   <li>Attack signals: {@code bsy = <U_A^2> - <U_B^2>} (V^2), {@code secondLaw = P_A - P_B} (W),
 *       {@code current = <I_A^2> - <I_B^2>} (A^2). All are antisymmetric under swapping Alice and Bob.</li>
 *   <li>Generators: independent, zero-mean Gaussian, one-sided PSD {@code S(f) = 4 k T R g(f)} (V^2/Hz)
 *       with {@link org.kljn.analysis.closedform.NoiseBand#shape() g} a dimensionless band shape
 *       (brick wall g = 1 on [0, &Delta;f] by default).</li>
 *   <li>Temperatures: the side holding R_H is at T_eff, the side holding R_L at &beta; T_eff
 *       (the paper's eqs. 10-13). Alice holds R_H unless {@link org.kljn.analysis.closedform.HighSide#BOB} is given.</li>
 * </ul>
 * All quantities are SI: ohms, farads, henries, siemens, kelvin, hertz, rad/s.
 */
package org.kljn.analysis.closedform;
