/**
 * The KLJN analysis: what Eve can learn from a loop with a real cable, exactly from ngspice AC analyses and
 * measured by transient Monte Carlo in ngspice, and the defences against her. This package holds no classes; its
 * sub-packages each answer one question.
 *
 * <p>The physics is that of the seed paper, L. B. Kish and C.-G. Granqvist, "Elimination of a Second-Law-attack,
 * and all cable-resistance-based attacks, in the Kirchhoff-law-Johnson-noise (KLJN) secure key exchange system":
 * the R_H side's generator at T_eff, the R_L side's at β T_eff (Sec. 2.3; {@link org.kljn.analysis.exact.NoiseTemperatures},
 * generalised to four temperatures after Vadai, Mingesz and Gingl, Sci. Rep. 5:13653, 2015), and Eve's attacks
 * ({@link org.kljn.analysis.exact.Attack}): the Bergou-Scheuer-Yariv / Kish-Scheuer voltage attack (eq. 1), the
 * Second-Law power attack (eqs. 7-9) and the current attack. The paper's own formulas, exactly as printed, are
 * {@link org.kljn.analysis.exact.PaperFormulas}.
 *
 * <p>The sub-packages, bottom to top (each depends only on those before it; defence and montecarlo are
 * independent of each other):
 * <ol>
 * <li>{@link org.kljn.analysis.exact}: exact expectations and the β that nulls each attack (eqs. 1, 7-13).</li>
 * <li>{@link org.kljn.analysis.finitebit}: Eve's exact success for a bit of M Nyquist samples.</li>
 * <li>{@link org.kljn.analysis.eavesdropper}: the best (likelihood-ratio) eavesdropper and the key rate.</li>
 * <li>{@link org.kljn.analysis.loop}: one loop analysed in one call, {@link org.kljn.analysis.loop.LoopAnalysis#run}.</li>
 * <li>{@link org.kljn.analysis.defence}: the defences side by side; {@link org.kljn.analysis.montecarlo}: the
 * transient Monte Carlo in ngspice.</li>
 * <li>{@link org.kljn.analysis.study}: the paper crosscheck, the security and key-rate maps, the main job's line
 * study.</li>
 * </ol>
 *
 * <p>Depends on: {@link org.kljn.circuit} (the loop and its netlist), {@link org.kljn.noise} (the generators),
 * {@link org.kljn.ngspice} (the simulations), Commons Math (optimisation, linear algebra, FFT, distributions) and Commons
 * RNG. Nothing above it: the sweeps, reports, benchmarks and the command line call it, never the other way round.
 */
package org.kljn.analysis;
