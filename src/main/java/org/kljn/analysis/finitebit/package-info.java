/**
 * Finite-bit statistics: Eve's exact probability of guessing a bit right from M Nyquist samples, for each of the
 * paper's attacks.
 *
 * <p>Answers "with a bit of finite length, how often does a given attack's decision pick the right bit?" The seed
 * paper speaks of Eve's success probability p approaching 0.5 by tuning the bandwidth and resistances (Sec. 2.1,
 * after eqs. 7-9) without computing it; here it is computed exactly from the distribution of each per-bit
 * statistic, a quadratic form of Gaussian samples, i.e. a weighted sum of χ² variables:
 * <ul>
 * <li>{@link org.kljn.analysis.finitebit.BitLength} is the bit (M samples, band Δf, τ = M/2Δf);</li>
 * <li>{@link org.kljn.analysis.finitebit.FiniteBitStatistics} builds the statistic's weights from the transfer
 * functions, {@link org.kljn.analysis.finitebit.ChiSquareMixture} gives its distribution;</li>
 * <li>{@link org.kljn.analysis.finitebit.ExactProbabilities} and
 * {@link org.kljn.analysis.finitebit.EvePrediction} give Eve's and Alice/Bob's success per attack.</li>
 * </ul>
 *
 * <p>Depends on {@link org.kljn.analysis.exact} (the transfer functions, temperatures and quadratic forms); nothing
 * else of the analysis.
 */
package org.kljn.analysis.finitebit;
