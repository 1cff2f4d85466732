package org.kljn.analysis.montecarlo;

import org.kljn.analysis.exact.Attack;
import org.kljn.analysis.exact.EveStatistics;
import org.kljn.analysis.exact.ExactAnalysis;
import org.kljn.analysis.exact.KljnMoments;
import org.kljn.analysis.exact.Probe;
import org.kljn.analysis.exact.TransferFunctions;
import org.kljn.circuit.KljnLoop;
import org.kljn.circuit.Situation;
import org.kljn.ngspice.NgSpice;
import org.kljn.noise.BandShape;

import java.util.EnumMap;
import java.util.Map;

/**
 * Exact expectations a Monte Carlo's decisions and step choice need: the moments of the four bit situations, Eve's
 * statistics and Alice's and Bob's own variance rates in the secure ones, and the transfer functions they come from,
 * all over the band the injected noise really has.
 */
record SituationExpectations(Map<Situation, KljnMoments> moments,
        Map<Situation, Map<Attack, EveStatistics.AttackStatistic>> eve, Map<Situation, double[]> ownVarianceRates,
        Map<Situation, TransferFunctions> transfer) {

    /** The expectations over {@code band}: the four situations' AC sweeps on {@code spice}, one after the other. */
    static SituationExpectations of(NgSpice spice, BitExchangeSettings s, BandShape band) {
        return of(Sessions.of(spice), s, band);
    }

    /** The same with the four situations' AC sweeps spread over the sessions (same numbers for any thread count). */
    static SituationExpectations of(Sessions sessions, BitExchangeSettings s, BandShape band) {
        int points = ExactAnalysis.pointsFor(band, s.bandwidth());
        Situation[] situations = Situation.values();
        TransferFunctions[] tf = new TransferFunctions[situations.length];
        Runnable[] tasks = new Runnable[situations.length];
        for (int i = 0; i < tasks.length; i++) {
            int index = i;
            tasks[i] = () -> tf[index] = sessions.apply(spice -> ExactAnalysis.transferFunctions(spice,
                    situations[index].loop(s.resistors(), s.line()), band, points));
        }
        sessions.runAll(tasks);
        Map<Situation, TransferFunctions> transfer = new EnumMap<>(Situation.class);
        for (int i = 0; i < tf.length; i++) {
            transfer.put(situations[i], tf[i]);
        }
        return of(s, transfer);
    }

    /** Moments and Eve's statistics of the four situations from their transfer functions. */
    private static SituationExpectations of(BitExchangeSettings s, Map<Situation, TransferFunctions> transfer) {
        Map<Situation, KljnMoments> moments = new EnumMap<>(Situation.class);
        Map<Situation, Map<Attack, EveStatistics.AttackStatistic>> eve = new EnumMap<>(Situation.class);
        Map<Situation, double[]> own = new EnumMap<>(Situation.class);
        for (Situation situation : Situation.values()) {
            KljnLoop loop = situation.loop(s.resistors(), s.line());
            TransferFunctions tf = transfer.get(situation);
            moments.put(situation, KljnMoments.of(loop, ExactAnalysis.integrals(tf), s.tEff(), s.beta()));
            if (situation.isSecure()) {
                EveStatistics stats = EveStatistics.of(loop, tf, s.tEff());
                eve.put(situation, stats.at(s.beta()));
                own.put(situation, new double[] {stats.meanSquareVarianceRate(Probe.U_A, s.beta()),
                        stats.meanSquareVarianceRate(Probe.U_B, s.beta())});
            }
        }
        return new SituationExpectations(moments, eve, own, Map.copyOf(transfer));
    }
}
