package org.kljn.circuit;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes the KLJN loop as plain SPICE that also runs unchanged in the {@code ngspice} program.
 *
 * <pre>
 * VNA na 0 ...       Alice's noise generator (ground - V_a - R_A - A)
 * RA  na a0 R_A
 * VIA a0 a 0         I_A probe: current entering the cable at A
 * ... line a b ...   the cable model
 * VIB b b0 0         I_B probe: current leaving the cable at B, toward Bob
 * RB  b0 nb R_B
 * VNB nb 0 ...       Bob's noise generator
 * </pre>
 * A four-port cable (a balanced pair) instead carries the return current: Bob's generator returns to his end's
 * reference {@code bref}, and {@code b} senses U_B = V(bt) − V(bref) across his end (see {@link UserSubcircuit}).
 */
public final class NetlistWriter {
    private NetlistWriter() {
    }

    /** The fewest points of {@link #ac}'s linear sweep: ngspice 39.3's {@code .ac lin 2 f1 f2} yields one point. */
    public static final int MIN_AC_POINTS = 3;

    /**
     * The AC netlist: Alice's generator with {@code ac aliceMagnitude}, Bob's with {@code ac bobMagnitude},
     * and a linear sweep of {@code points} frequencies from {@code fStart} to {@code fStop}. Results are
     * transfer functions per volt of the excited generator.
     */
    public static List<String> ac(KljnLoop loop, double aliceMagnitude, double bobMagnitude, int points,
            double fStart, double fStop) {
        Checks.between(Parameter.SWEEP_POINTS, points, MIN_AC_POINTS, 1_000_001, "ngspice 39.3's linear sweep of 2"
                + " points yields 1; more than a million only cost time");
        require(fStart >= 0 && Double.isFinite(fStart), "AC start frequency", fStart);
        Checks.positive(Parameter.BANDWIDTH, fStop);
        if (!(fStop > fStart)) {
            throw new IllegalArgumentException("AC stop frequency " + fStop + " Hz must exceed the start " + fStart + " Hz");
        }
        List<String> lines = header(loop, "AC transfer functions from the noise generators to the probes");
        lines.addAll(loop(loop, "VNA na 0 dc 0 ac " + SpiceNumbers.format(aliceMagnitude),
                "VNB nb 0 dc 0 ac " + SpiceNumbers.format(bobMagnitude)));
        lines.add(".ac lin " + points + " " + SpiceNumbers.format(fStart) + " " + SpiceNumbers.format(fStop));
        lines.add(".end");
        return lines;
    }

    /**
     * A transient netlist whose generators are EXTERNAL sources driven from Java (written without a DC
     * value: ngspice 39.3 crashes on one). {@code maxStep} bounds ngspice's steps; {@code streamOnly}
     * adds {@code .save none} so that ngspice keeps no vectors (the values reach a stream listener).
     */
    /** trtol for {@code fixedSteps}: the local-truncation-error step never falls below a forced step. */
    public static final double FIXED_STEP_TRTOL = 1e7;

    public static List<String> transientExternal(KljnLoop loop, double step, double stop, double maxStep,
            boolean streamOnly) {
        return transientExternal(loop, step, stop, maxStep, streamOnly, false);
    }

    /**
     * As {@link #transientExternal(KljnLoop, double, double, double, boolean)}; with {@code fixedSteps} the
     * truncation-error control is relaxed ({@code .options trtol}, {@link #FIXED_STEP_TRTOL}) so that ngspice takes
     * exactly the steps the caller forces (at most {@code maxStep}): the trapezoidal rule at a fixed step is then the
     * bilinear transform, which pre-warped noise relies on. On a linear circuit the rule is stable at any step.
     */
    public static List<String> transientExternal(KljnLoop loop, double step, double stop, double maxStep,
            boolean streamOnly, boolean fixedSteps) {
        List<String> lines = header(loop, "transient, noise injected from Java through EXTERNAL sources");
        lines.addAll(loop(loop, "VNA na 0 external", "VNB nb 0 external"));
        if (streamOnly) {
            lines.add(".save none");
        }
        if (fixedSteps) {
            lines.add(".options trtol=" + SpiceNumbers.format(FIXED_STEP_TRTOL));
        }
        lines.add(".tran " + SpiceNumbers.format(step) + " " + SpiceNumbers.format(stop) + " 0 "
                + SpiceNumbers.format(maxStep));
        lines.add(".end");
        return lines;
    }

    /**
     * A transient netlist with ngspice's own TRNOISE generators: Gaussian samples of the given rms every
     * {@code sampleTime}, linearly interpolated. Not reproducible in ngspice 39.3 (seeded from the pid).
     */
    public static List<String> transientTrnoise(KljnLoop loop, double aliceRms, double bobRms, double sampleTime,
            double stop) {
        return transientTrnoise(loop, aliceRms, bobRms, sampleTime, stop, false);
    }

    /** As {@link #transientTrnoise(KljnLoop, double, double, double, double)}, optionally with {@code .save none}. */
    public static List<String> transientTrnoise(KljnLoop loop, double aliceRms, double bobRms, double sampleTime,
            double stop, boolean streamOnly) {
        require(aliceRms >= 0 && Double.isFinite(aliceRms), "TRNOISE rms of Alice's generator", aliceRms);
        require(bobRms >= 0 && Double.isFinite(bobRms), "TRNOISE rms of Bob's generator", bobRms);
        require(sampleTime > 0 && Double.isFinite(sampleTime), "TRNOISE sample time", sampleTime);
        require(stop > 0 && Double.isFinite(stop), "transient stop time (--duration)", stop);
        if (stop < sampleTime) {
            throw new IllegalArgumentException("transient stop time (--duration) " + stop + " s is shorter than one"
                    + " noise sample, " + sampleTime + " s");
        }
        List<String> lines = header(loop, "transient with ngspice TRNOISE generators");
        String nt = SpiceNumbers.format(sampleTime);
        lines.addAll(loop(loop, "VNA na 0 dc 0 trnoise(" + SpiceNumbers.format(aliceRms) + " " + nt + " 0 0)",
                "VNB nb 0 dc 0 trnoise(" + SpiceNumbers.format(bobRms) + " " + nt + " 0 0)"));
        if (streamOnly) {
            lines.add(".save none");
        }
        lines.add(".tran " + nt + " " + SpiceNumbers.format(stop));
        lines.add(".end");
        return lines;
    }

    private static List<String> header(KljnLoop loop, String what) {
        List<String> lines = new ArrayList<>();
        lines.add("* KLJN loop " + loop.situation() + ": Alice R_" + loop.alice() + " = "
                + SpiceNumbers.engineering(loop.aliceResistance()) + "ohm at A, Bob R_" + loop.bob() + " = "
                + SpiceNumbers.engineering(loop.bobResistance()) + "ohm at B; " + loop.line().describe());
        lines.add("* " + what);
        return lines;
    }

    private static List<String> loop(KljnLoop loop, String aliceSource, String bobSource) {
        List<String> lines = new ArrayList<>();
        lines.add(aliceSource);
        lines.add("RA na a0 " + SpiceNumbers.format(loop.aliceResistance()));
        lines.add("VIA a0 a 0");
        lines.addAll(loop.line().definitions("line"));
        if (loop.line() instanceof UserSubcircuit u && u.fourPort()) {
            // a balanced pair: the loop current returns through the cable's return conductor to Bob's reference;
            // node b senses U_B across Bob's end (an unloaded VCVS), VIB and R_B hang on the cable's terminal
            String bt = Probes.NODE_B_TERMINAL;
            lines.addAll(loop.line().elements("line", Probes.NODE_A, bt));
            lines.add("EUB " + Probes.NODE_B + " 0 " + bt + " " + Probes.NODE_B_REF + " 1");
            lines.add("VIB " + bt + " b0 0");
            lines.add("RB b0 nb " + SpiceNumbers.format(loop.bobResistance()));
            if (!bobSource.startsWith("VNB nb 0 ")) {
                throw new IllegalStateException("Bob's source must be written 'VNB nb 0 ...', got " + bobSource);
            }
            lines.add("VNB nb " + Probes.NODE_B_REF + " " + bobSource.substring("VNB nb 0 ".length()));
            return lines;
        }
        lines.addAll(loop.line().elements("line", Probes.NODE_A, Probes.NODE_B));
        lines.add("VIB b b0 0");
        lines.add("RB b0 nb " + SpiceNumbers.format(loop.bobResistance()));
        lines.add(bobSource);
        return lines;
    }

    private static void require(boolean ok, String what, double value) {
        if (!ok) {
            throw new IllegalArgumentException(what + " must be a positive finite number (or zero for a start), got "
                    + value);
        }
    }
}
