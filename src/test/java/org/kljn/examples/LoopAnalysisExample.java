package org.kljn.examples;

import org.kljn.analysis.exact.Attack;
import org.kljn.analysis.exact.BetaRule;
import org.kljn.analysis.loop.AnalysisSettings;
import org.kljn.analysis.loop.LoopAnalysis;
import org.kljn.analysis.loop.LoopAnalysisResult;
import org.kljn.circuit.CableKind;
import org.kljn.circuit.CablePreset;
import org.kljn.circuit.CableSpec;
import org.kljn.circuit.KljnLoop;
import org.kljn.circuit.Resistor;
import org.kljn.circuit.ResistorPair;
import org.kljn.ngspice.NgSpice;

import java.util.Locale;
import java.util.OptionalDouble;

/**
 * The README's Java API example ("Use it as a library"; ReadmeTest checks that the README shows this file): a loop,
 * its exact analysis, the numbers. It prints the same β nulls as
 * {@code kljn analyze --cable ltra --preset cat5 --length 2k --bandwidth 500 --beta eq11 --json}
 * ({@code JavaApiExampleTest} checks that).
 */
public final class LoopAnalysisExample {
    private LoopAnalysisExample() {
    }

    public static void main(String[] args) {
        // the loop: R_L = 1 kΩ, R_H = 10 kΩ, Alice holds R_H, 2 km of Cat5-like pair as the exact line (LTRA)
        KljnLoop loop = KljnLoop.secure(new ResistorPair(1e3, 10e3), Resistor.H,
                CableSpec.preset(CableKind.LTRA, CablePreset.CAT5, 2000, 0).line());
        // the analysis: T_eff = 1e9 K, a 500 Hz band, the paper's eq. 11 β, bits of 1000 Nyquist samples
        AnalysisSettings settings = AnalysisSettings.builder().tEff(1e9).bandwidth(500).beta(BetaRule.eq11())
                .bitSamples(1000).build();
        LoopAnalysisResult r;
        try (NgSpice spice = NgSpice.open()) { // one session of ngspice's shared library
            r = LoopAnalysis.run(spice, loop, settings);
        }
        System.out.printf(Locale.ROOT, "%s%n", loop.line().describe());
        System.out.printf(Locale.ROOT, "beta of eq. 11: %.9g%n", r.betaEq11().getAsDouble());
        for (Attack a : Attack.values()) {
            OptionalDouble n = r.betaNull(a);
            System.out.printf(Locale.ROOT, "beta null %s: %s%n", a.key(),
                    n.isPresent() ? String.format(Locale.ROOT, "%.9g", n.getAsDouble()) : "none");
        }
        System.out.printf(Locale.ROOT, "minimax beta: %.9g%n", r.betaMinimax().getAsDouble());
        System.out.printf(Locale.ROOT, "Eve's best success at eq. 11's beta, bit of %.3g s: %.4f%n",
                r.eve().bitDuration(), r.eve().bestSuccessProbability());
    }
}
