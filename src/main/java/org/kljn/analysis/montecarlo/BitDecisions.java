package org.kljn.analysis.montecarlo;

import org.apache.commons.rng.UniformRandomProvider;
import org.kljn.analysis.exact.Attack;
import org.kljn.analysis.finitebit.ExactProbabilities;
import org.kljn.circuit.Resistor;
import org.kljn.circuit.Situation;
import org.kljn.noise.StreamKey;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The decisions on every simulated bit, counted. Eve guesses the situation from each attack's statistic with the
 * Bayes rule for equal priors (the threshold where the exact densities for HL and LH cross, {@link
 * ExactProbabilities}); the likelihood-ratio eavesdropper says HL where Λ &gt; 0; Alice and Bob each decide the
 * other's resistor from their own mean-square voltage, with the threshold midway between the two situations they
 * cannot tell apart by their own resistor (KLJN protocol).
 *
 * @param hl             whether each bit was HL (Alice holds R_H)
 * @param eve            each attack's outcome over all bits
 * @param optimalCorrect bits where the likelihood-ratio eavesdropper was right
 * @param aliceBobErrors bits where Alice or Bob was wrong
 * @param aliceWrong     whether Alice was wrong at each bit
 * @param bobWrong       whether Bob was wrong at each bit
 */
record BitDecisions(boolean[] hl, Map<Attack, BitExchangeResult.AttackOutcome> eve, int optimalCorrect,
        int aliceBobErrors, boolean[] aliceWrong, boolean[] bobWrong) {

    /** Every party's decision on every bit of {@code alice}, from what the transient measured. */
    static BitDecisions of(BitExchangeSettings s, List<Resistor> alice, BitMeasurements measured,
            SituationExpectations exact, ExactProbabilities probabilities) {
        int bits = alice.size();
        int[] correct = new int[Attack.values().length];
        boolean[] hl = new boolean[bits];
        boolean[] aliceWrong = new boolean[bits];
        boolean[] bobWrong = new boolean[bits];
        int aliceBobErrors = 0;
        int optimalCorrect = 0;
        double[] likelihoodRatio = measured.likelihoodRatios();
        // where the exact means of HL and LH coincide (e.g. the current attack on a lumped line, where
        // I_A = I_B) Eve has nothing to go on but rounding noise: she tosses a coin
        UniformRandomProvider coin = StreamKey.of(s.seed(), BitSchedule.PROTOCOL_PARTY + 1, 0).newRng();
        List<double[]> perBit = measured.averages();
        for (int i = 0; i < bits; i++) {
            hl[i] = alice.get(i) == Resistor.H;
            double[] avg = perBit.get(i);
            for (Attack a : Attack.values()) {
                if (eveGuessesHl(probabilities.of(a), WindowMoments.statistic(a, avg), coin) == hl[i]) {
                    correct[a.ordinal()]++;
                }
            }
            // Λ > 0: HL is the likelier situation (equal priors)
            if ((likelihoodRatio[i] > 0) == hl[i]) {
                optimalCorrect++;
            }
            aliceWrong[i] = !aliceDecidesRight(exact, alice.get(i), avg[WindowMoments.UA2]);
            bobWrong[i] = !bobDecidesRight(exact, alice.get(i).other(), avg[WindowMoments.UB2]);
            if (aliceWrong[i] || bobWrong[i]) {
                aliceBobErrors++;
            }
        }
        Map<Attack, BitExchangeResult.AttackOutcome> eve = new EnumMap<>(Attack.class);
        for (Attack a : Attack.values()) {
            eve.put(a, new BitExchangeResult.AttackOutcome(a, correct[a.ordinal()], bits,
                    probabilities.of(a).successProbability()));
        }
        return new BitDecisions(hl, eve, optimalCorrect, aliceBobErrors, aliceWrong, bobWrong);
    }

    /** Bits that were HL. */
    int hlBits() {
        int n = 0;
        for (boolean b : hl) {
            n += b ? 1 : 0;
        }
        return n;
    }

    /**
     * Eve's guess from her statistic x: the Bayes rule for equal priors, HL where f_HL(x) &gt; f_LH(x), i.e. on
     * μ_HL's side of the threshold; a coin where the rule is blind. The coin is tossed for every guess, so the
     * stream's use does not depend on the rules.
     */
    private static boolean eveGuessesHl(ExactProbabilities.EveAttack rule, double x, UniformRandomProvider coin) {
        boolean blind = rule.rule().equals("blind");
        boolean coinFlip = coin.nextBoolean();
        return blind ? coinFlip : rule.hlAbove() ? x > rule.threshold() : x < rule.threshold();
    }

    /** Alice holds {@code aliceHolds}; Bob's resistor is the other one; she compares &lt;U_A²&gt; with her threshold. */
    private static boolean aliceDecidesRight(SituationExpectations e, Resistor aliceHolds, double meanSquareA) {
        Situation secure = Situation.secure(aliceHolds);
        Situation same = Situation.same(aliceHolds);
        double muSecure = e.moments().get(secure).meanSquareVoltageA();
        double muSame = e.moments().get(same).meanSquareVoltageA();
        return Math.abs(meanSquareA - muSecure) <= Math.abs(meanSquareA - muSame);
    }

    /** Bob holds {@code bobHolds}; he compares &lt;U_B²&gt; with his threshold. */
    private static boolean bobDecidesRight(SituationExpectations e, Resistor bobHolds, double meanSquareB) {
        Situation secure = Situation.secure(bobHolds.other());
        Situation same = Situation.same(bobHolds);
        double muSecure = e.moments().get(secure).meanSquareVoltageB();
        double muSame = e.moments().get(same).meanSquareVoltageB();
        return Math.abs(meanSquareB - muSecure) <= Math.abs(meanSquareB - muSame);
    }
}
