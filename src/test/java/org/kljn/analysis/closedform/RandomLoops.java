package org.kljn.analysis.closedform;

import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** Reproducible random loop parameters, log-uniform over the ranges KLJN hardware and its models span. */
final class RandomLoops {

    /** Fixed seed: failures must be reproducible. */
    static final long SEED = 0x4B4C4A4EL; // "KLJN"

    static final int COUNT = 128;

    private RandomLoops() {
    }

    /** Loop parameter set; resistances in ohms, temperatures in kelvin, bandwidth in Hz. */
    record Loop(double rA, double rB, double rc, double tA, double tB, double bandwidth) {
        LumpedKljn lumped() {
            return new LumpedKljn(rA, rB, rc, tA, tB, bandwidth);
        }

        @Override
        public String toString() {
            return String.format("R_A=%.4g R_B=%.4g R_c=%.4g T_A=%.4g T_B=%.4g df=%.4g", rA, rB, rc, tA, tB, bandwidth);
        }
    }

    static Stream<Arguments> loops() {
        SplittableRandom random = new SplittableRandom(SEED);
        return Stream.generate(() -> Arguments.of(new Loop(
                        logUniform(random, 1.0, 1e6),
                        logUniform(random, 1.0, 1e6),
                        logUniform(random, 1e-3, 1e5),
                        logUniform(random, 1.0, 1e12),
                        logUniform(random, 1.0, 1e12),
                        logUniform(random, 1.0, 1e9))))
                .limit(COUNT);
    }

    static double logUniform(SplittableRandom random, double low, double high) {
        return Math.exp(Math.log(low) + random.nextDouble() * (Math.log(high) - Math.log(low)));
    }
}
