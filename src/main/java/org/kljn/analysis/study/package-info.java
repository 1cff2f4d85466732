/**
 * The studies: the seed paper checked, and KLJN judged on realistic lines.
 *
 * <p>Answers "is what the paper says true of the simulated circuit, and where is KLJN over a real cable secure?"
 * <ul>
 * <li>{@link org.kljn.analysis.study.PaperCrosscheck}: every numbered equation of the seed paper
 * ({@code /work/shared/seed/kljn-second-law-attack.txt}: eqs. 1-13) beside the simulated value, with a
 * verdict.</li>
 * <li>{@link org.kljn.analysis.study.SecurityMap}, {@link org.kljn.analysis.study.LineSecurity} and
 * {@link org.kljn.analysis.study.KeyRateMap}: where a cable gives a key, or is secure, over length × band.</li>
 * <li>{@link org.kljn.analysis.study.LineStudy} and {@link org.kljn.analysis.study.SecurityVerdict}: the main job
 * on one realistic line (exact analysis, defences, Monte Carlo, null confirmation, verdict).</li>
 * </ul>
 *
 * <p>Depends on every other analysis package; nothing of the analysis depends on it.
 */
package org.kljn.analysis.study;
