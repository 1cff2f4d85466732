package org.kljn;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kljn.analysis.closedform.LumpedKljn;
import org.kljn.analysis.exact.Attack;
import org.kljn.analysis.exact.ExactAnalysis;
import org.kljn.analysis.exact.KljnMoments;
import org.kljn.analysis.montecarlo.BitExchangeSettings;
import org.kljn.analysis.montecarlo.BitExchangeResult;
import org.kljn.analysis.montecarlo.BitExchangeSimulation;
import org.kljn.analysis.montecarlo.WindowMoments;
import org.kljn.circuit.KljnLoop;
import org.kljn.circuit.LumpedLine;
import org.kljn.circuit.Resistor;
import org.kljn.circuit.ResistorPair;
import org.kljn.ngspice.MemoryHygieneIT;
import org.kljn.ngspice.NgSpice;
import org.kljn.testing.NgSpiceExtension;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Long runs in one process: 10,000 exact analyses and a 10^7-sample transient, memory and answers checked. */
@Tag("integration") // soak: runs in mvn verify (failsafe), not in the fast mvn test
@ExtendWith(NgSpiceExtension.class)
class SoakIT {

    @Test
    void tenThousandExactAnalysesInOneSession(NgSpice spice) {
        SplittableRandom r = new SplittableRandom(10_000);
        long before = 0;
        double worst = 0;
        for (int i = 0; i < 10_000 + 200; i++) {
            if (i == 200) {
                System.gc();
                before = MemoryHygieneIT.residentBytes(); // after warm-up
            }
            double rl = 100 + 9_900 * r.nextDouble();
            double rh = rl * (1.5 + 20 * r.nextDouble());
            double rc = rl * (0.001 + 0.499 * r.nextDouble()); // the loop's resistances span at most 10^6 (a domain rule)
            KljnLoop loop = KljnLoop.secure(new ResistorPair(rl, rh), Resistor.H, new LumpedLine(rc));
            KljnMoments m = KljnMoments.of(loop, ExactAnalysis.integrals(spice, loop, 1e3, 5), 1e9, 1);
            LumpedKljn c = new LumpedKljn(rh, rl, rc, 1e9, 1e9, 1e3);
            worst = Math.max(worst, Math.abs(m.signal(Attack.SECOND_LAW) - c.secondLawSignal()) / m.scale(Attack.SECOND_LAW));
        }
        System.gc();
        double growthMB = (MemoryHygieneIT.residentBytes() - before) / 1e6;
        System.out.printf("SoakIT: 10,000 exact analyses, worst relative deviation %.2e, resident growth %.2f MB%n",
                worst, growthMB);
        assertTrue(worst < 1e-9, "worst relative deviation " + worst);
        assertTrue(growthMB < 30, "resident memory grew " + growthMB + " MB");
    }

    @Test
    void aTenMillionSampleTransientStreamsWithFlatMemory(NgSpice spice) {
        // 2 bits x 1.25e6 Nyquist samples x K = 4 grid points = 10^7 injected noise samples per generator
        double bandwidth = 125e3;
        BitExchangeSettings s = BitExchangeSettings.builder(new ResistorPair(1e3, 10e3), new LumpedLine(500)).tEff(1e9)
                .beta(1).bandwidth(bandwidth).bitSamples(1_250_000).bits(2).seed(99).noiseGrid(4).guard(0).build();
        long before;
        BitExchangeResult res;
        // warm-up run, then the measured one
        BitExchangeSimulation.run(spice, BitExchangeSettings.builder(new ResistorPair(1e3, 10e3),
                new LumpedLine(500)).tEff(1e9).beta(1).bandwidth(bandwidth).bitSamples(10_000).bits(2).seed(98)
                .noiseGrid(4).guard(0).build(), i -> { });
        System.gc();
        before = MemoryHygieneIT.residentBytes();
        res = BitExchangeSimulation.run(spice, s, i -> { });
        double growthMB = (MemoryHygieneIT.residentBytes() - before) / 1e6;
        System.out.printf("SoakIT: %d accepted points in %.1f s of transient, resident growth %.2f MB%n",
                res.acceptedPoints(), res.transientSeconds(), growthMB);
        assertTrue(res.acceptedPoints() >= 10_000_000L, "points " + res.acceptedPoints());
        assertTrue(growthMB < 30, "resident memory grew " + growthMB + " MB over 10^7 samples");
        // each bit's <U_A²> is a time average over 1.25e6 Nyquist samples: its relative standard deviation is
        // about sqrt(1/(Δf τ)) ≈ 1e-3; the exact value must lie within 6 of them (z = 6)
        for (int i = 0; i < 2; i++) {
            Resistor alice = res.aliceResistors().get(i);
            double ra = alice == Resistor.H ? 10e3 : 1e3;
            double rb = alice == Resistor.H ? 1e3 : 10e3;
            LumpedKljn c = new LumpedKljn(ra, rb, 500, 1e9, 1e9, bandwidth);
            double measured = res.bitAverages().get(i)[WindowMoments.UA2];
            assertEquals(c.meanSquareVoltageA(), measured, 6 * 1e-3 * c.meanSquareVoltageA(), "bit " + i);
        }
    }
}
