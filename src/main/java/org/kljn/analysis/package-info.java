/**
 * The KLJN analysis: what Eve can learn from a loop with a real cable, exactly from ngspice AC analyses and
 * measured by transient Monte Carlo in ngspice, and the defences against her.
 *
 * <p>The physics is that of the seed paper, L. B. Kish and C.-G. Granqvist, "Elimination of a Second-Law-attack,
 * and all cable-resistance-based attacks, in the Kirchhoff-law-Johnson-noise (KLJN) secure key exchange system":
 * the R_H side's generator at T_eff, the R_L side's at β T_eff (Sec. 2.3; {@link org.kljn.analysis.NoiseTemperatures},
 * generalised to four temperatures after Vadai, Mingesz and Gingl, Sci. Rep. 5:13653, 2015), and Eve's attacks
 * ({@link org.kljn.analysis.Attack}): the Bergou-Scheuer-Yariv / Kish-Scheuer voltage attack (eq. 1), the
 * Second-Law power attack (eqs. 7-9) and the current attack. The paper's own formulas, exactly as printed, are
 * {@link org.kljn.analysis.PaperFormulas}.
 *
 * <p>Entry points, by question:
 * <ul>
 * <li><b>Exact expectations and nulls.</b> {@link org.kljn.analysis.LoopAnalysis#run} with
 * {@link org.kljn.analysis.AnalysisSettings} (T_eff, band, {@link org.kljn.analysis.BetaRule}, bit length) gives a
 * {@link org.kljn.analysis.LoopAnalysisResult}: two AC sweeps per bit situation, the band integrals
 * ({@link org.kljn.analysis.LoopIntegrals}) with their error bound, each attack's signal as an exact linear function of
 * β ({@link org.kljn.analysis.BetaCurve}) and the β that nulls it (the paper's eq. 11 beside it), the minimax β.</li>
 * <li><b>Finite-bit statistics.</b> {@link org.kljn.analysis.ExactProbabilities} and
 * {@link org.kljn.analysis.EvePrediction}: Eve's and Alice/Bob's success for a bit of M Nyquist samples, from the exact
 * distribution of each per-bit statistic ({@link org.kljn.analysis.ProbeQuadraticForm},
 * {@link org.kljn.analysis.FiniteBitStatistics}, {@link org.kljn.analysis.ChiSquareMixture}).</li>
 * <li><b>The best eavesdropper.</b> {@link org.kljn.analysis.OptimalEavesdropper} (the likelihood ratio of U and I at
 * one cable end: its Jeffreys rate J and success), {@link org.kljn.analysis.DefenceChoices} and
 * {@link org.kljn.analysis.DefenceComparison} (the defences side by side), {@link org.kljn.analysis.SecurityMap} and
 * {@link org.kljn.analysis.LineSecurity} (where a cable is secure).</li>
 * <li><b>The transient.</b> {@link org.kljn.analysis.BitExchange} checks and runs Monte Carlo bit exchanges
 * ({@link org.kljn.analysis.BitExchangeSimulation}): Java injects the noise, ngspice solves the loop, the accepted
 * points stream into per-bit statistics ({@link org.kljn.analysis.WindowMoments},
 * {@link org.kljn.analysis.WhittleStream}); {@link org.kljn.analysis.StepChoice} and
 * {@link org.kljn.analysis.AccuracyGoal} choose the step and bound its error; {@link org.kljn.analysis.NullConfirmation}
 * confirms a null β independently.</li>
 * <li><b>Studies.</b> {@link org.kljn.analysis.PaperCrosscheck} (every equation of the paper beside the simulated
 * value, with a verdict), {@link org.kljn.analysis.LineStudy} and {@link org.kljn.analysis.SecurityVerdict} (the main
 * job on one realistic line).</li>
 * </ul>
 *
 * <p>Depends on: {@link org.kljn.circuit} (the loop and its netlist), {@link org.kljn.noise} (the generators),
 * {@link org.kljn.ngspice} (the simulations), Commons Math (optimisation, linear algebra, FFT, distributions) and Commons
 * RNG. Nothing above it: the sweeps, reports, benchmarks and the command line call it, never the other way round.
 */
package org.kljn.analysis;
