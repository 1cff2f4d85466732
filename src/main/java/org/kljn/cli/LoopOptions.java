package org.kljn.cli;

import org.kljn.analysis.finitebit.BitLength;
import org.kljn.circuit.CableKind;
import org.kljn.circuit.CablePreset;
import org.kljn.circuit.CableSpec;
import org.kljn.circuit.KljnLoop;
import org.kljn.circuit.LineModel;
import org.kljn.circuit.Resistor;
import org.kljn.circuit.ResistorPair;
import org.kljn.circuit.SpiceNumbers;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/**
 * The options that describe one KLJN loop, shared by analyze, crosscheck, netlist and attack. They are read
 * into the domain's {@link CableSpec}, whose one factory and rules decide the line model (the same as a sweep's).
 */
public final class LoopOptions {
    @Option(names = "--rl", defaultValue = "1k", description = "R_L, the low resistor (ohm, SPICE suffixes; default ${DEFAULT-VALUE})")
    String rl;

    @Option(names = "--rh", defaultValue = "10k", description = "R_H, the high resistor (default ${DEFAULT-VALUE})")
    String rh;

    @Option(names = "--alice", defaultValue = "H", description = "which resistor Alice holds: H or L (default ${DEFAULT-VALUE})")
    Resistor alice;

    @Option(names = "--cable",
            description = "cable model: lumped, ladder, urc, ltra, subckt (default lumped; --subckt chooses subckt;"
                    + " a preset or --cc needs a model chosen)")
    String cable;

    /** R_c when neither --rc nor a preset gives it. */
    static final String DEFAULT_RC = "100";

    // no picocli default: a value the user typed must be told from the default, so that a preset can refuse it
    @Option(names = "--rc", description = "total cable (loop) resistance R_c, ohm (default " + DEFAULT_RC + ")")
    String rc;

    @Option(names = "--cc", description = "total cable capacitance C_c, farad (ladder, urc, ltra)")
    String cc;

    @Option(names = "--lc", description = "total cable inductance L_c, henry (ltra; default 0)")
    String lc;

    @Option(names = "--sections", description = "ladder T sections (default 20) or URC lumps (default 16)")
    Integer sections;

    @Option(names = "--subckt", description = "SPICE file with the user's cable subcircuit (--cable subckt)")
    Path subckt;

    @Option(names = "--subckt-name", description = "the subcircuit's name in --subckt")
    String subcktName;

    @Option(names = "--preset", description = "cable preset giving R, L, C per km: cat5, telephone, rg58"
            + " (with --length; gives R_c, C_c and L_c, so --rc, --cc and --lc are refused beside it)")
    String preset;

    @Option(names = "--length", description = "cable length in metres with --preset (2k = 2 km; 'm' is refused: SPICE reads it as milli)")
    String length;

    @Option(names = "--teff", defaultValue = "1e9", description = "noise temperature T_eff of the R_H side, K (default ${DEFAULT-VALUE})")
    String teff;

    @Option(names = "--bandwidth", defaultValue = "1k", description = "noise bandwidth Δf, Hz (default ${DEFAULT-VALUE})")
    String bandwidth;

    double temperature() {
        return temperature(teff);
    }

    double bandwidthHz() {
        return org.kljn.analysis.loop.AnalysisSettings.checkBandwidth(positive("--bandwidth", bandwidth));
    }

    /** The loop, with the line checked against the band (the same rule as every analysis). */
    KljnLoop loop() {
        ResistorPair pair = resistorPair(rl, rh);
        if (alice == null) {
            throw new IllegalArgumentException("--alice must be H or L");
        }
        LineModel line = line();
        line.checkResolves(bandwidthHz());
        temperature();
        return KljnLoop.secure(pair, alice, line);
    }

    /**
     * R_L and R_H from {@code --rl} and {@code --rh}, as every command that takes them checks them: each a positive
     * resistance, R_L below R_H.
     */
    /**
     * The bit length M from {@code --bit-samples M} or {@code --bit-duration SECONDS} (one of them; {@code fallback}
     * when neither is given): a duration is converted by {@link BitLength#ofDuration}; M itself is checked where it
     * is used ({@link BitLength}).
     */
    static int bitSamples(Integer samples, Double duration, double bandwidth, int fallback) {
        if (samples != null && duration != null) {
            throw new IllegalArgumentException("--bit-samples " + samples + " and --bit-duration " + duration
                    + ": give one of them (tau = M/(2 bandwidth))");
        }
        if (duration != null) {
            return BitLength.ofDuration(duration, bandwidth).samples();
        }
        return samples == null ? fallback : samples;
    }

    static ResistorPair resistorPair(String rl, String rh) {
        return new ResistorPair(positive("--rl", rl), positive("--rh", rh));
    }

    /** T_eff from {@code --teff}, as every command that takes it checks it. */
    static double temperature(String teff) {
        return org.kljn.analysis.exact.KljnMoments.checkTemperature(positive("--teff", teff));
    }

    /** The cable as the domain describes it. */
    CableSpec cableSpec() {
        CableKind kind = cable == null ? null : CableKind.parse(cable);
        int n = sections == null ? 0 : sections;
        if (sections != null && sections < 1) {
            throw new IllegalArgumentException("--sections must be at least 1, got " + sections);
        }
        if (preset != null || length != null) {
            if (preset == null || length == null) {
                throw new IllegalArgumentException(preset != null
                        ? "--preset " + preset + " needs --length (the cable length in metres, e.g. --length 500)"
                        : "--length " + length + " needs --preset (cat5, telephone or rg58) to give the cable's R, L"
                        + " and C per km");
            }
            refuseValuesBesidePreset();
            return CableSpec.preset(kind, CablePreset.named(preset), positiveLength(length), n)
                    .withSubcircuit(subckt, subcktName);
        }
        return CableSpec.of(kind, nonNegative("--rc", rc == null ? DEFAULT_RC : rc), cc == null ? Double.NaN : positive("--cc", cc),
                lc == null ? Double.NaN : nonNegative("--lc", lc), n).withSubcircuit(subckt, subcktName);
    }

    /**
     * A preset gives R_c, C_c and L_c from its per-km values and the length: a value typed beside it would be
     * silently replaced (issue 22 item 4), so it is refused, as a sweep spec refuses rc/cc/lc beside length.
     */
    private void refuseValuesBesidePreset() {
        String given = java.util.stream.Stream.of(rc == null ? null : "--rc " + rc, cc == null ? null : "--cc " + cc,
                lc == null ? null : "--lc " + lc).filter(java.util.Objects::nonNull)
                .collect(java.util.stream.Collectors.joining(", "));
        if (!given.isEmpty()) {
            throw new IllegalArgumentException(given + ": --preset " + preset + " with --length " + length + " gives"
                    + " R_c, C_c and L_c itself; give either --preset and --length, or --rc/--cc/--lc");
        }
    }

    LineModel line() {
        LineModel line = cableSpec().line();
        // only the ladder and URC models are made of sections: anywhere else --sections would be ignored
        if (sections != null && !(line instanceof org.kljn.circuit.RcLadder)
                && !(line instanceof org.kljn.circuit.UniformRcLine)) {
            throw new IllegalArgumentException("--sections " + sections + ": the " + line.kind() + " model has no"
                    + " sections, so it would be ignored; choose ladder or urc to set them, or leave --sections out");
        }
        return line;
    }

    /** --length in metres, refusing the milli suffix (see {@link SpiceNumbers#parseLength}). */
    static double positiveLength(String text) {
        double v = SpiceNumbers.parseLength("--length", text);
        if (!(v > 0)) {
            throw new IllegalArgumentException("--length must be > 0, got " + text);
        }
        return v;
    }

    /** How the line is described in headers: its model, and with a preset its length in metres. */
    String describeLine(LineModel line) {
        String origin = cableSpec().origin();
        if (!origin.isEmpty() && line instanceof org.kljn.circuit.LumpedLine) {
            origin += "; its C_c and L_c are not modelled";
        } else if (!origin.isEmpty() && !(line instanceof org.kljn.circuit.LossyLine)) {
            origin += "; its L_c is not modelled";
        }
        return line.describe() + (origin.isEmpty() ? "" : " (" + origin + ")");
    }

    /**
     * The resistance and capacitance options: their suffix m/M is refused ({@link SpiceNumbers#parseNoMilli}; "1M"
     * would be 1 mΩ).
     */
    private static final java.util.Set<String> NO_MILLI = java.util.Set.of("--rl", "--rh", "--rc", "--cc",
            "--r-per-km", "--c-per-km");

    private static double parse(String option, String text) {
        return NO_MILLI.contains(option) ? SpiceNumbers.parseNoMilli(option, text) : SpiceNumbers.parse(option, text);
    }

    static double positive(String option, String text) {
        double v = parse(option, text);
        if (!(v > 0)) {
            throw new IllegalArgumentException(option + " must be > 0, got " + text);
        }
        return v;
    }

    static double nonNegative(String option, String text) {
        double v = parse(option, text);
        if (v < 0) {
            throw new IllegalArgumentException(option + " must be >= 0, got " + text);
        }
        return v;
    }
}
