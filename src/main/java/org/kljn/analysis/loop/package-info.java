/**
 * One loop analysed: everything the exact (AC) method says about a KLJN loop with a real cable, in one call.
 *
 * <p>Answers "for this loop, noise and β, what does each attack see, which β nulls it, how often is Eve right in a
 * bit, and how well does the best eavesdropper do?" {@link org.kljn.analysis.loop.LoopAnalysis#run} with
 * {@link org.kljn.analysis.loop.AnalysisSettings} (T_eff, band, {@link org.kljn.analysis.exact.BetaRule}, bit length,
 * Eve's instrument) gives a {@link org.kljn.analysis.loop.LoopAnalysisResult}: the seed paper's signals (eq. 1, eqs.
 * 7-9) and nulls (eq. 11) on the simulated circuit, Eve's finite-bit success and the best eavesdropper's.
 *
 * <p>Depends on {@link org.kljn.analysis.exact}, {@link org.kljn.analysis.finitebit} and
 * {@link org.kljn.analysis.eavesdropper}; the defences, the Monte Carlo and the studies are built on it.
 */
package org.kljn.analysis.loop;
