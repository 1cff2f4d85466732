package org.kljn.analysis.closedform;

import org.kljn.noise.Johnson;

/**
 * Closed forms for the KLJN loop with a lumped cable resistance R_c (the paper's model), brick-wall band
 * &Delta;f. Derived from the loop (see {@link LoopTransfer}): the single loop current is
 * {@code I = I_A = I_B = (V_a - V_b)/R} with {@code R = R_A + R_c + R_B}, so with
 * {@code S_a = 4 k T_A R_A &Delta;f} and {@code S_b = 4 k T_B R_B &Delta;f} (V^2):
 * <pre>
 *   &lt;I^2&gt;   = (S_a + S_b) / R^2
 *   &lt;U_A^2&gt; = [S_a (R_c + R_B)^2 + S_b R_A^2] / R^2        (U_A = V_a - R_A I)
 *   &lt;U_B^2&gt; = [S_a R_B^2 + S_b (R_A + R_c)^2] / R^2        (U_B = V_b + R_B I)
 *   P_A     = [S_a (R_c + R_B) - S_b R_A] / R^2
 *   P_B     = [S_b (R_A + R_c) - S_a R_B] / R^2
 *   secondLaw = P_A - P_B = [S_a (R_c + 2 R_B) - S_b (R_c + 2 R_A)] / R^2
 *   bsy       = &lt;U_A^2&gt; - &lt;U_B^2&gt; = R_c * secondLaw
 * </pre>
 * The last identity holds sample by sample: {@code U_A^2 - U_B^2 = (U_A - U_B)(U_A + U_B) = R_c I (U_A + U_B)},
 * and {@code <(U_A + U_B) I>} is the paper's eq. 8-9. Hence both attack signals vanish at the same &beta;.
 *
 * <p>P_A, P_B and the signals are evaluated in forms where the terms that cancel at equal temperatures are
 * grouped as {@code (T_A - T_B)}, so they keep full relative precision for R_c &laquo; R_L, R_H (the paper's
 * regime) instead of losing log10(R/R_c) digits to cancellation.
 *
 * @param resistanceA R_A, ohms
 * @param resistanceB R_B, ohms
 * @param cableResistance R_c, ohms
 * @param temperatureA T_A, kelvin
 * @param temperatureB T_B, kelvin
 * @param bandwidth &Delta;f, Hz
 */
public record LumpedKljn(double resistanceA, double resistanceB, double cableResistance,
                         double temperatureA, double temperatureB, double bandwidth) {

    /**
     * A signal that is linear in the temperature offset &beta;: {@code value(beta) = intercept + slope * beta}.
     *
     * @param intercept value at &beta; = 0
     * @param slope d value / d &beta;
     */
    public record LinearInBeta(double intercept, double slope) {
        /** The signal at {@code beta}. */
        public double value(double beta) {
            return intercept + slope * beta;
        }

        /** The &beta; at which the signal vanishes (NaN if the slope is 0). */
        public double root() {
            return slope == 0.0 ? Double.NaN : -intercept / slope;
        }
    }

    public LumpedKljn {
        if (!(resistanceA > 0.0) || !(resistanceB > 0.0) || !(cableResistance >= 0.0)) {
            throw new IllegalArgumentException("need R_A, R_B > 0 and R_c >= 0");
        }
        if (!(temperatureA >= 0.0) || !(temperatureB >= 0.0) || !(bandwidth > 0.0)) {
            throw new IllegalArgumentException("need T_A, T_B >= 0 and bandwidth > 0");
        }
    }

    /** The loop for a bit situation (which side holds R_H, and &beta;). */
    public static LumpedKljn of(BitSituation bit, double cableResistance, double bandwidth) {
        return new LumpedKljn(bit.resistanceA(), bit.resistanceB(), cableResistance,
                bit.temperatureA(), bit.temperatureB(), bandwidth);
    }

    /** {@code S_a = 4 k T_A R_A &Delta;f}: Alice's generator's mean-square open-circuit voltage, V^2. */
    public double generatorMeanSquareA() {
        return Johnson.meanSquareVoltage(temperatureA, resistanceA, bandwidth);
    }

    /** {@code S_b = 4 k T_B R_B &Delta;f}, V^2. */
    public double generatorMeanSquareB() {
        return Johnson.meanSquareVoltage(temperatureB, resistanceB, bandwidth);
    }

    /** {@code R = R_A + R_c + R_B}, ohms. */
    public double loopResistance() {
        return resistanceA + cableResistance + resistanceB;
    }

    /** {@code <I^2>} = {@code <I_A^2>} = {@code <I_B^2>}, A^2. */
    public double meanSquareCurrent() {
        return (generatorMeanSquareA() + generatorMeanSquareB()) / square(loopResistance());
    }

    /** {@code <U_A^2>}, V^2. */
    public double meanSquareVoltageA() {
        return (generatorMeanSquareA() * square(cableResistance + resistanceB)
                + generatorMeanSquareB() * square(resistanceA)) / square(loopResistance());
    }

    /** {@code <U_B^2>}, V^2. */
    public double meanSquareVoltageB() {
        return (generatorMeanSquareA() * square(resistanceB)
                + generatorMeanSquareB() * square(resistanceA + cableResistance)) / square(loopResistance());
    }

    /** {@code <U_A U_B>}, V^2. */
    public double voltageCorrelation() {
        return (generatorMeanSquareA() * (cableResistance + resistanceB) * resistanceB
                + generatorMeanSquareB() * resistanceA * (resistanceA + cableResistance)) / square(loopResistance());
    }

    /**
     * {@code P_A = <U_A I_A> = [S_a (R_c + R_B) - S_b R_A]/R^2}, W: the paper's P_HL (eq. 5) when Alice holds R_H.
     * Evaluated as {@code 4k&Delta;f [T_A R_A R_c + R_A R_B (T_A - T_B)]/R^2}: the two R_A R_B terms cancel
     * exactly at equal temperatures, and leaving them to floating point would cost log10(R/R_c) digits.
     */
    public double powerIntoCableA() {
        return fourKDf() * (temperatureA * resistanceA * cableResistance
                + resistanceA * resistanceB * (temperatureA - temperatureB)) / square(loopResistance());
    }

    /**
     * {@code P_B = -<U_B I_B> = [S_b (R_A + R_c) - S_a R_B]/R^2}, W: the paper's P_LH (eq. 6) when Alice holds
     * R_H. Evaluated as {@code 4k&Delta;f [T_B R_B R_c + R_A R_B (T_B - T_A)]/R^2} (see {@link #powerIntoCableA}).
     */
    public double powerIntoCableB() {
        return fourKDf() * (temperatureB * resistanceB * cableResistance
                + resistanceA * resistanceB * (temperatureB - temperatureA)) / square(loopResistance());
    }

    /** {@code P_A + P_B = R_c <I^2>}, W: total cable heating (what the paper's eq. 7 actually evaluates to). */
    public double cableDissipation() {
        return cableResistance * meanSquareCurrent();
    }

    /** Cable heating by Alice's generator alone, {@code R_c S_a / R^2}, W (paper eq. 3 when she holds R_H). */
    public double cableHeatingByA() {
        return cableResistance * generatorMeanSquareA() / square(loopResistance());
    }

    /** Cable heating by Bob's generator alone, {@code R_c S_b / R^2}, W (paper eq. 4 when he holds R_L). */
    public double cableHeatingByB() {
        return cableResistance * generatorMeanSquareB() / square(loopResistance());
    }

    /**
     * Second-Law signal {@code P_A - P_B = [S_a (R_c + 2R_B) - S_b (R_c + 2R_A)]/R^2}, W, evaluated as
     * {@code 4k&Delta;f [R_c (T_A R_A - T_B R_B) + 2 R_A R_B (T_A - T_B)]/R^2} so that it keeps full relative
     * precision at equal temperatures however small R_c is.
     */
    public double secondLawSignal() {
        return fourKDf() * (cableResistance * (temperatureA * resistanceA - temperatureB * resistanceB)
                + 2.0 * resistanceA * resistanceB * (temperatureA - temperatureB)) / square(loopResistance());
    }

    /**
     * BSY signal {@code <U_A^2> - <U_B^2>}, V^2. From the two mean squares,
     * {@code (R_c + R_B)^2 - R_B^2 = R_c (R_c + 2R_B)} and likewise for A, so it is
     * {@code R_c [S_a (R_c + 2R_B) - S_b (R_c + 2R_A)]/R^2 = R_c * secondLaw}, and is evaluated that way.
     * Its magnitude at equal temperatures is the paper's eq. 1.
     */
    public double bsySignal() {
        return cableResistance * secondLawSignal();
    }

    /** Current signal {@code <I_A^2> - <I_B^2>}: exactly 0 for a lumped cable (one loop current). */
    public double currentSignal() {
        return 0.0;
    }

    /**
     * The &beta; (T_L / T_H) at which the Second-Law signal vanishes, from
     * {@code S_H (R_c + 2 R_L) = S_L (R_c + 2 R_H)}:
     * <pre>  beta* = R_H (R_c + 2 R_L) / (R_L (R_c + 2 R_H)) = (1 + R_c/(2 R_L)) / (1 + R_c/(2 R_H)).</pre>
     * Independent of which side holds R_H. Compare the paper's eq. 11, which has R_c where this has R_c/2.
     */
    public static double betaNullSecondLaw(double resistanceLow, double resistanceHigh, double cableResistance) {
        return (1.0 + cableResistance / (2.0 * resistanceLow)) / (1.0 + cableResistance / (2.0 * resistanceHigh));
    }

    /**
     * The &beta; at which the BSY signal vanishes, from {@code <U_H^2> = <U_L^2>}:
     * {@code S_H [(R_c + R_L)^2 - R_L^2] = S_L [(R_c + R_H)^2 - R_H^2]}, i.e.
     * {@code R_H R_c (R_c + 2 R_L) = beta R_L R_c (R_c + 2 R_H)}. For R_c &gt; 0 the common factor R_c cancels and
     * this is {@link #betaNullSecondLaw}; at R_c = 0 the BSY signal is 0 for every &beta; and the continuous
     * limit 1 is returned.
     */
    public static double betaNullBsy(double resistanceLow, double resistanceHigh, double cableResistance) {
        if (cableResistance == 0.0) {
            return 1.0;
        }
        return resistanceHigh * cableResistance * (cableResistance + 2.0 * resistanceLow)
                / (resistanceLow * cableResistance * (cableResistance + 2.0 * resistanceHigh));
    }

    /**
     * The Second-Law signal {@code P_A - P_B} (W) as a linear function of &beta;, R_H at T_eff and R_L at
     * &beta; T_eff: {@code ±4kT&Delta;f [R_H (R_c + 2R_L) - beta R_L (R_c + 2R_H)] / R^2}, + when Alice holds R_H.
     */
    public static LinearInBeta secondLawSignalVersusBeta(double resistanceLow, double resistanceHigh,
                                                         double cableResistance, double effectiveTemperature,
                                                         double bandwidth, HighSide highSide) {
        double scale = Johnson.meanSquareVoltage(effectiveTemperature, 1.0, bandwidth)
                / square(resistanceLow + cableResistance + resistanceHigh);
        double sign = highSide == HighSide.ALICE ? 1.0 : -1.0;
        return new LinearInBeta(
                sign * scale * resistanceHigh * (cableResistance + 2.0 * resistanceLow),
                -sign * scale * resistanceLow * (cableResistance + 2.0 * resistanceHigh));
    }

    /** The BSY signal {@code <U_A^2> - <U_B^2>} (V^2) as a linear function of &beta;: R_c times the Second-Law one. */
    public static LinearInBeta bsySignalVersusBeta(double resistanceLow, double resistanceHigh,
                                                   double cableResistance, double effectiveTemperature,
                                                   double bandwidth, HighSide highSide) {
        LinearInBeta secondLaw = secondLawSignalVersusBeta(resistanceLow, resistanceHigh, cableResistance,
                effectiveTemperature, bandwidth, highSide);
        return new LinearInBeta(cableResistance * secondLaw.intercept(), cableResistance * secondLaw.slope());
    }

    /** {@code 4 k &Delta;f}, V^2/(ohm K). */
    private double fourKDf() {
        return 4.0 * Johnson.BOLTZMANN * bandwidth;
    }

    private static double square(double x) {
        return x * x;
    }
}
