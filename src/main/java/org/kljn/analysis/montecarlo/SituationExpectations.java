package org.kljn.analysis.montecarlo;

import org.kljn.analysis.exact.Attack;
import org.kljn.analysis.exact.EveStatistics;
import org.kljn.analysis.exact.KljnMoments;
import org.kljn.analysis.exact.TransferFunctions;
import org.kljn.circuit.Situation;

import java.util.Map;

/**
 * Exact expectations a Monte Carlo's decisions and step choice need ({@link BitExchangeSimulation#expectations}):
 * the moments of the four bit situations, Eve's statistics and Alice's and Bob's own variance rates in the secure
 * ones, and the transfer functions they come from, all over the band the injected noise really has.
 */
record SituationExpectations(Map<Situation, KljnMoments> moments,
        Map<Situation, Map<Attack, EveStatistics.AttackStatistic>> eve, Map<Situation, double[]> ownVarianceRates,
        Map<Situation, TransferFunctions> transfer) {
}
