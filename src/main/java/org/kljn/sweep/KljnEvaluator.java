package org.kljn.sweep;

import org.kljn.analysis.Attack;
import org.kljn.analysis.BetaChoice;
import org.kljn.analysis.BetaCurve;
import org.kljn.analysis.BitExchangeSimulation;
import org.kljn.analysis.EveStatistics;
import org.kljn.analysis.ExactAnalysis;
import org.kljn.analysis.KljnMoments;
import org.kljn.analysis.LumpedComparison;
import org.kljn.analysis.TransferFunctions;
import org.kljn.circuit.KljnLoop;
import org.kljn.circuit.LineModel;
import org.kljn.circuit.LossyLine;
import org.kljn.circuit.LumpedLine;
import org.kljn.circuit.RcLadder;
import org.kljn.circuit.ResistorPair;
import org.kljn.circuit.UniformRcLine;
import org.kljn.circuit.UserSubcircuit;
import org.kljn.ngspice.NgSpicePool;
import org.kljn.noise.BandShape;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * What a KLJN sweep computes at each point, on an instance of the ngspice pool: the exact analysis
 * (β nulls, signals at the point's β, Eve's predicted success for the point's bit duration) and, when the
 * spec asks for it, the Monte Carlo bit exchanges.
 */
public final class KljnEvaluator implements Function<SweepPoint, Map<String, Object>> {
    private final NgSpicePool pool;

    public KljnEvaluator(NgSpicePool pool) {
        this.pool = pool;
    }

    /** The result columns, in order. */
    public static List<String> columns(SweepSpec spec) {
        List<String> c = new ArrayList<>(List.of("betaUsed", "betaEq11", "betaNull_bsy", "betaNull_secondLaw",
                "betaNull_current", "betaMinimax", "signal_bsy", "signal_secondLaw", "signal_current",
                "voltageMeanSquareA", "voltageMeanSquareB", "currentMeanSquareA", "currentMeanSquareB", "powerA",
                "powerB", "predicted_bsy", "predicted_secondLaw", "predicted_current", "lumpedEquivalentResistance",
                "lumpedMaxTransferDeviation"));
        if (spec.analyses().contains(Analysis.ATTACK)) {
            c.addAll(List.of("mc_bsy", "mc_secondLaw", "mc_current", "aliceBobErrorRate"));
        }
        return c;
    }

    /** The cable of a sweep point. */
    public static LineModel line(SweepPoint p) {
        return switch (p.cable()) {
            case "lumped" -> new LumpedLine(p.rc());
            case "ladder" -> new RcLadder(p.rc(), p.cc(), p.sections());
            case "urc" -> new UniformRcLine(p.rc(), p.cc(), p.sections());
            case "ltra" -> new LossyLine(p.rc(), p.lc(), 0, p.cc());
            case "subckt" -> UserSubcircuit.read(p.subckt().path(), p.subckt().name());
            default -> throw new IllegalArgumentException("unknown cable " + p.cable());
        };
    }

    @Override
    public Map<String, Object> apply(SweepPoint p) {
        return pool.withSession(spice -> {
            KljnLoop loop = KljnLoop.secure(new ResistorPair(p.rl(), p.rh()), p.alice(), line(p));
            TransferFunctions tf = ExactAnalysis.transferFunctions(spice, loop, BandShape.brickWall(p.bandwidth()),
                    ExactAnalysis.DEFAULT_POINTS);
            BetaCurve curve = ExactAnalysis.betaCurve(loop, ExactAnalysis.integrals(tf), p.teff());
            EveStatistics eve = EveStatistics.of(loop, tf, p.teff());
            OptionalDouble eq11 = BetaChoice.eq11(loop);
            Double betaEq11 = eq11.isPresent() ? eq11.getAsDouble() : null;
            double beta = BetaChoice.resolve(p.beta().toString(), loop, () -> curve);
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("betaUsed", beta);
            r.put("betaEq11", betaEq11);
            for (Attack a : Attack.values()) {
                OptionalDouble n = curve.betaNull(a);
                r.put("betaNull_" + a.key(), n.isPresent() ? n.getAsDouble() : null);
            }
            r.put("betaMinimax", eve.betaMinimax(1e-3, 1e3));
            KljnMoments m = curve.momentsAt(beta);
            for (Attack a : Attack.values()) {
                r.put("signal_" + a.key(), m.signal(a));
            }
            r.put("voltageMeanSquareA", m.meanSquareVoltageA());
            r.put("voltageMeanSquareB", m.meanSquareVoltageB());
            r.put("currentMeanSquareA", m.meanSquareCurrentA());
            r.put("currentMeanSquareB", m.meanSquareCurrentB());
            r.put("powerA", m.powerIntoCableA());
            r.put("powerB", m.powerIntoCableB());
            double tau = p.bitSamples() / (2 * p.bandwidth());
            var stats = eve.at(beta);
            for (Attack a : Attack.values()) {
                r.put("predicted_" + a.key(), stats.get(a).successProbability(tau));
            }
            if (!(loop.line() instanceof LumpedLine)) {
                // how far this cable model is from the paper's lumped resistance over the band
                LumpedComparison lumped = LumpedComparison.of(spice, loop, tf, p.bandwidth(), p.teff());
                r.put("lumpedEquivalentResistance", lumped.seriesResistance());
                r.put("lumpedMaxTransferDeviation", lumped.maxDeviation());
            }
            if (p.runs(Analysis.ATTACK)) {
                BitExchangeSimulation.Result mc = BitExchangeSimulation.run(spice, new BitExchangeSimulation.Settings(
                        loop.resistors(), loop.line(), p.teff(), beta, p.bandwidth(), p.bitSamples(), p.bits(), p.seed(),
                        4, -1), i -> { });
                for (Attack a : Attack.values()) {
                    r.put("mc_" + a.key(), mc.eve().get(a).successRate());
                }
                r.put("aliceBobErrorRate", mc.aliceBobErrorRate());
            }
            return r;
        });
    }
}
