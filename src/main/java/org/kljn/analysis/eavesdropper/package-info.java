/**
 * The best eavesdropper: how well can any Eve do, not only the paper's attacks?
 *
 * <p>The seed paper's attacks (eq. 1, eqs. 7-9) are particular statistics; its claim that the β of eq. 11 leaves
 * Eve nothing (eq. 13) is a claim about those statistics. This package answers the stronger question: the
 * likelihood ratio of the voltage and current at one cable end, the best decision there is.
 * <ul>
 * <li>{@link org.kljn.analysis.eavesdropper.OptimalEavesdropper} gives its Jeffreys rate J and success (spectral,
 * {@link org.kljn.analysis.eavesdropper.LikelihoodRatioDetector} on the
 * {@link org.kljn.analysis.eavesdropper.SituationSpectra}; or over a finite window,
 * {@link org.kljn.analysis.eavesdropper.WindowEavesdropper} and
 * {@link org.kljn.analysis.eavesdropper.WindowLikelihoodRatio}, with {@link org.kljn.analysis.eavesdropper.WindowBound}
 * where the window method cannot run) for an {@link org.kljn.analysis.eavesdropper.EveInstrument};
 * the result is an {@link org.kljn.analysis.eavesdropper.OptimalResult}.</li>
 * <li>{@link org.kljn.analysis.eavesdropper.KeyRate} and {@link org.kljn.analysis.eavesdropper.KeyRateSearch}: the
 * secret-key rate left after her (the bit length that maximises it).</li>
 * </ul>
 *
 * <p>Depends on {@link org.kljn.analysis.exact} and {@link org.kljn.analysis.finitebit}; nothing else of the
 * analysis.
 */
package org.kljn.analysis.eavesdropper;
