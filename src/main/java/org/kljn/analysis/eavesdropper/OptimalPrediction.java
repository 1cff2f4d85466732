package org.kljn.analysis.eavesdropper;

/**
 * The best second-order eavesdropper in a {@link org.kljn.analysis.loop.LoopAnalysisResult}.
 *
 * @param betaMinimizing               the β minimising the Jeffreys rate J ({@link OptimalEavesdropper#betaMinimizing})
 * @param jeffreysRateAtBetaMinimizing J there, nats/s
 * @param atBetaUsed                   J, divergences and Eve's likelihood-ratio success/error at the β used
 */
public record OptimalPrediction(double betaMinimizing, double jeffreysRateAtBetaMinimizing, OptimalResult atBetaUsed) {
}
