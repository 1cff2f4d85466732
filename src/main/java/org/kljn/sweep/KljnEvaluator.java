package org.kljn.sweep;

import org.kljn.analysis.defence.KeyRateModel;
import org.kljn.analysis.eavesdropper.KeyRate;
import org.kljn.analysis.exact.NoiseTemperatures;

import org.kljn.analysis.exact.Attack;
import org.kljn.analysis.exact.BetaRule;
import org.kljn.analysis.exact.KljnMoments;
import org.kljn.analysis.loop.AnalysisSettings;
import org.kljn.analysis.loop.LoopAnalysis;
import org.kljn.analysis.loop.LoopAnalysisResult;
import org.kljn.analysis.montecarlo.BitExchange;
import org.kljn.analysis.montecarlo.BitExchangeSettings;
import org.kljn.analysis.montecarlo.BitExchangeResult;
import org.kljn.circuit.KljnLoop;
import org.kljn.ngspice.NgSpicePool;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * What a KLJN sweep computes at each point, on an instance of the ngspice pool: the exact analysis
 * ({@link LoopAnalysis}: β nulls, signals at the point's β, Eve's predicted success for the point's bit duration)
 * and, when the spec asks for it, the Monte Carlo bit exchanges. The row is a serialisation of the result records.
 */
public final class KljnEvaluator implements Function<SweepPoint, Map<String, Object>> {
    private final NgSpicePool pool;

    public KljnEvaluator(NgSpicePool pool) {
        this.pool = pool;
    }

    /**
     * The best second-order eavesdropper's columns, in a sweep whose β dimension has {@code optimal}: filled on
     * the rows whose β is {@code optimal} (the analysis computes the eavesdropper there), empty on the others.
     * {@code predicted_optimal}/{@code predictedError_optimal}: the likelihood-ratio eavesdropper's success and
     * error probability for the bit at the β used; {@code jeffreysRate}: J there (nats/s); {@code betaMinimizing}:
     * the β minimising J (the β used on those rows). With {@code analyses: attack} also {@code mc_optimal}: the
     * likelihood-ratio detector's success rate on the simulated bits of those rows.
     */
    public static final List<String> OPTIMAL_COLUMNS = List.of("betaMinimizing", "jeffreysRate", "predicted_optimal",
            "predictedError_optimal");

    /**
     * With {@code analyses: key_rate}: the secret-key rate at the point's β and bit ({@link KeyRateModel}, at the
     * spec's {@code reconciliation} ξ, default 1, and Eve's instrument {@code eveNoiseVoltage}/{@code eveNoiseCurrent},
     * default {@link org.kljn.analysis.eavesdropper.EveInstrument#defaults()}), as in {@code analyze}'s
     * {@code keyRate}; the rate and Eve's information empty where her information is not known
     * ({@code keyRate_eveMethod} says why: a bit over {@link org.kljn.analysis.eavesdropper.OptimalResult#WINDOW_LIMIT}
     * Nyquist samples, or an unresolved floor).
     */
    public static final List<String> KEY_RATE_COLUMNS = List.of("keyRate_bitsPerSecond", "keyRate_bitsPerKeptBit",
            "keyRate_aliceBobInformation", "keyRate_eveInformation", "keyRate_keptFraction", "keyRate_reconciliation",
            "keyRate_bitDuration", "keyRate_eveMethod");

    /** The result columns, in order. */
    public static List<String> columns(SweepSpec spec) {
        List<String> c = new ArrayList<>(List.of("betaUsed", "betaEq11", "betaNull_bsy", "betaNull_secondLaw",
                "betaNull_current", "betaMinimax", "signal_bsy", "signal_secondLaw", "signal_current",
                "voltageMeanSquareA", "voltageMeanSquareB", "currentMeanSquareA", "currentMeanSquareB", "powerA",
                "powerB", "bitDuration", "predicted_bsy", "predicted_secondLaw", "predicted_current",
                "predictedError_bsy", "predictedError_secondLaw", "predictedError_current", "aliceBobErrorPredicted",
                "lumpedEquivalentResistance", "lumpedMaxTransferDeviation"));
        if (spec.analyses().contains(Analysis.KEY_RATE)) {
            c.addAll(KEY_RATE_COLUMNS);
        }
        if (spec.asksOptimal()) {
            c.addAll(OPTIMAL_COLUMNS);
        }
        if (spec.analyses().contains(Analysis.ATTACK)) {
            c.addAll(List.of("mc_bsy", "mc_secondLaw", "mc_current", "aliceBobErrorRate"));
            if (spec.asksOptimal()) {
                // the likelihood-ratio detector's success rate on the simulated bits, on the rows whose β is
                // optimal (like the other optimal columns)
                c.add("mc_optimal");
            }
        }
        return c;
    }

    /** The exact analysis settings of a point, with Eve's instrument (as analyze's {@code --eve-noise-*}). */
    public static AnalysisSettings settings(SweepPoint p) {
        return AnalysisSettings.builder().tEff(p.teff()).bandwidth(p.bandwidth()).beta(p.beta())
                .bitSamples(p.bitSamples()).eveInstrument(p.eveInstrument()).build();
    }

    /**
     * The exact analysis settings of a point with these values (the spec check uses them without a point: Eve's
     * instrument changes no rule).
     */
    static AnalysisSettings settings(double teff, double bandwidth, BetaRule beta, int bitSamples) {
        return AnalysisSettings.builder().tEff(teff).bandwidth(bandwidth).beta(beta).bitSamples(bitSamples).build();
    }

    @Override
    public Map<String, Object> apply(SweepPoint p) {
        return pool.withSession(spice -> {
            KljnLoop loop = p.loop();
            LoopAnalysisResult exact = LoopAnalysis.run(spice, loop, settings(p));
            Map<String, Object> r = exactColumns(exact);
            if (p.runs(Analysis.KEY_RATE)) {
                r.putAll(keyRateColumns(exact, p.reconciliationEfficiency()));
            }
            if (p.runs(Analysis.ATTACK)) {
                BitExchangeResult mc;
                try {
                    mc = BitExchange.run(spice, BitExchangeSettings.builder(loop.resistors(), loop.line(),
                            exact.settings()).beta(exact.betaUsed()).bits(p.bits()).seed(p.seed())
                            .eveNoise(p.eveInstrument()).build(),
                            i -> { });
                } catch (RuntimeException e) {
                    throw new PartialResultException(r, "Monte Carlo failed (the exact columns are kept)", e);
                }
                for (Attack a : Attack.values()) {
                    r.put("mc_" + a.key(), mc.eve().get(a).successRate());
                }
                r.put("aliceBobErrorRate", mc.aliceBobErrorRate());
                if (mc.optimal() != null && exact.optimal().isPresent()) {
                    r.put("mc_optimal", mc.optimal().successRate());
                }
            }
            return r;
        });
    }

    /** The exact columns of a row, from the analysis record. */
    static Map<String, Object> exactColumns(LoopAnalysisResult exact) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("betaUsed", exact.betaUsed());
        r.put("betaEq11", orNull(exact.betaEq11()));
        for (Attack a : Attack.values()) {
            r.put("betaNull_" + a.key(), orNull(exact.betaNull(a)));
        }
        r.put("betaMinimax", orNull(exact.betaMinimax()));
        KljnMoments m = exact.moments();
        for (Attack a : Attack.values()) {
            r.put("signal_" + a.key(), exact.signal(a));
        }
        r.put("voltageMeanSquareA", m.meanSquareVoltageA());
        r.put("voltageMeanSquareB", m.meanSquareVoltageB());
        r.put("currentMeanSquareA", m.meanSquareCurrentA());
        r.put("currentMeanSquareB", m.meanSquareCurrentB());
        r.put("powerA", m.powerIntoCableA());
        r.put("powerB", m.powerIntoCableB());
        r.put("bitDuration", exact.eve().bitDuration());
        for (Attack a : Attack.values()) {
            r.put("predicted_" + a.key(), exact.eve().of(a).successProbability());
        }
        for (Attack a : Attack.values()) {
            r.put("predictedError_" + a.key(), exact.eve().of(a).errorProbability());
        }
        r.put("aliceBobErrorPredicted", exact.eve().aliceBobErrorProbability());
        exact.optimal().ifPresent(o -> {
            r.put("betaMinimizing", o.betaMinimizing());
            r.put("jeffreysRate", o.atBetaUsed().jeffreysRate());
            r.put("predicted_optimal", o.atBetaUsed().successProbability());
            r.put("predictedError_optimal", o.atBetaUsed().errorProbability());
        });
        exact.lumpedEquivalent().ifPresent(l -> {
            // how far this cable model is from the paper's lumped resistance over the band
            r.put("lumpedEquivalentResistance", l.seriesResistance());
            r.put("lumpedMaxTransferDeviation", l.maxDeviation());
        });
        return r;
    }

    /**
     * The key-rate columns of a row: at the point's β and bit, reconciliation efficiency ξ, Eve's instrument that of
     * the analysis (one window test of Eve, no search).
     */
    static Map<String, Object> keyRateColumns(LoopAnalysisResult exact, double xi) {
        KeyRate k = KeyRateModel.of(exact, NoiseTemperatures.standard(exact.settings().tEff(), exact.betaUsed()))
                .at(exact.settings().bitSamples(), xi);
        Map<String, Object> r = new LinkedHashMap<>();
        k.fields().byName().forEach((name, value) -> r.put("keyRate_" + name, value));
        return r;
    }

    private static Double orNull(OptionalDouble v) {
        return v.isPresent() ? v.getAsDouble() : null;
    }
}
