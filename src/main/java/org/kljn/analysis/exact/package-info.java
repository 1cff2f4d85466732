/**
 * Exact expectations and the β that nulls them: what each of Eve's attacks sees on average, from two ngspice AC
 * sweeps per bit situation, and the temperature ratio that makes her signal vanish.
 *
 * <p>Answers "what does Eve's statistic average to in each bit situation, and which β makes the averages of the
 * HL and LH situations equal?" The seed paper (L. B. Kish and C.-G. Granqvist, "Elimination of a
 * Second-Law-attack, and all cable-resistance-based attacks, in the KLJN secure key exchange system",
 * {@code /work/shared/seed/kljn-second-law-attack.txt}) gives the lumped answers: the BSY/Kish-Scheuer voltage
 * signal Δ_KS (eq. 1, eq. 12 with the temperature offset), the Second-Law power difference ΔP_HL (eqs. 7-9) and
 * the β of eq. 11 that nulls both (eqs. 10, 13). Here they are computed on the simulated circuit, any cable:
 * <ul>
 * <li>{@link org.kljn.analysis.exact.ExactAnalysis} runs the AC sweeps and gives the
 * {@link org.kljn.analysis.exact.TransferFunctions} of each situation; {@link org.kljn.analysis.exact.LoopIntegrals}
 * integrates them over the band with an error bound.</li>
 * <li>{@link org.kljn.analysis.exact.NoiseTemperatures} is the one place the generators' temperatures are set (R_H
 * side at T_eff, R_L side at β T_eff, Sec. 2.3), from a {@link org.kljn.analysis.exact.BetaRule};
 * {@link org.kljn.analysis.exact.PaperFormulas} holds the paper's formulas exactly as printed.</li>
 * <li>{@link org.kljn.analysis.exact.Attack} and {@link org.kljn.analysis.exact.Probe} name Eve's attacks and
 * what she measures; {@link org.kljn.analysis.exact.ProbeQuadraticForm} writes each attack's per-sample statistic
 * as a quadratic form; {@link org.kljn.analysis.exact.KljnMoments} and
 * {@link org.kljn.analysis.exact.EveStatistics} give its mean and variance per situation.</li>
 * <li>{@link org.kljn.analysis.exact.BetaCurve} writes each attack's signal as an exact linear function of β and
 * solves for its null; {@link org.kljn.analysis.exact.LumpedComparison} sets the lumped closed forms beside the
 * simulated values.</li>
 * </ul>
 *
 * <p>Depends on: {@link org.kljn.circuit}, {@link org.kljn.noise}, {@link org.kljn.ngspice} and Commons Math only;
 * the bottom of the analysis: no other analysis package.
 */
package org.kljn.analysis.exact;
