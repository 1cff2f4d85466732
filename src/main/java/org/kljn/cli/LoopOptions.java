package org.kljn.cli;

import org.kljn.circuit.CablePreset;
import org.kljn.circuit.KljnLoop;
import org.kljn.circuit.LineModel;
import org.kljn.circuit.LossyLine;
import org.kljn.circuit.LumpedLine;
import org.kljn.circuit.RcLadder;
import org.kljn.circuit.Resistor;
import org.kljn.circuit.ResistorPair;
import org.kljn.circuit.SpiceNumbers;
import org.kljn.circuit.UniformRcLine;
import org.kljn.circuit.UserSubcircuit;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The options that describe one KLJN loop, shared by analyze, crosscheck, netlist and attack. */
public final class LoopOptions {
    @Option(names = "--rl", defaultValue = "1k", description = "R_L, the low resistor (ohm, SPICE suffixes; default ${DEFAULT-VALUE})")
    String rl;

    @Option(names = "--rh", defaultValue = "10k", description = "R_H, the high resistor (default ${DEFAULT-VALUE})")
    String rh;

    @Option(names = "--alice", defaultValue = "H", description = "which resistor Alice holds: H or L (default ${DEFAULT-VALUE})")
    Resistor alice;

    @Option(names = "--cable", defaultValue = "lumped",
            description = "cable model: lumped, ladder, urc, ltra, subckt (default ${DEFAULT-VALUE})")
    String cable;

    @Option(names = "--rc", defaultValue = "100", description = "total cable resistance R_c (default ${DEFAULT-VALUE})")
    String rc;

    @Option(names = "--cc", description = "total cable capacitance C_c (ladder, urc, ltra)")
    String cc;

    @Option(names = "--lc", defaultValue = "0", description = "total cable inductance L_c (ltra; default ${DEFAULT-VALUE})")
    String lc;

    @Option(names = "--sections", defaultValue = "20", description = "ladder T sections or URC lumps (default ${DEFAULT-VALUE})")
    int sections;

    @Option(names = "--subckt", description = "SPICE file with the user's cable subcircuit (--cable subckt)")
    Path subckt;

    @Option(names = "--subckt-name", description = "the subcircuit's name in --subckt")
    String subcktName;

    @Option(names = "--preset", description = "cable preset giving R, L, C per km: cat5, telephone, rg58"
            + " (with --length; overrides --rc, --cc, --lc)")
    String preset;

    @Option(names = "--length", description = "cable length in metres with --preset (SPICE suffixes: 2k = 2 km)")
    String length;

    @Option(names = "--teff", defaultValue = "1e9", description = "noise temperature T_eff of the R_H side, K (default ${DEFAULT-VALUE})")
    String teff;

    @Option(names = "--bandwidth", defaultValue = "1k", description = "noise bandwidth Δf, Hz (default ${DEFAULT-VALUE})")
    String bandwidth;

    double temperature() {
        return org.kljn.analysis.KljnMoments.checkTemperature("--teff", positive("--teff", teff));
    }

    double bandwidthHz() {
        return positive("--bandwidth", bandwidth);
    }

    /**
     * Rejects a band the cable model cannot resolve: a ladder (or URC) section is a fair stand-in for its piece of
     * line only while its electrical length at the band edge, sqrt(2π Δf R C)/N, stays below 1.
     */
    static void checkResolution(org.kljn.circuit.LineModel line, double bandwidth) {
        int n = line instanceof RcLadder l ? l.sections() : line instanceof UniformRcLine u ? u.lumps() : 0;
        if (n == 0) {
            return;
        }
        double theta = Math.sqrt(2 * Math.PI * bandwidth * line.resistance() * line.capacitance());
        if (theta / n > 1) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "--bandwidth %g Hz: %d sections cannot resolve this line (sqrt(2 pi f R C) = %.3g at the band edge,"
                            + " %.3g per section; allowed at most 1): use --sections %d or more, or --cable ltra",
                    bandwidth, n, theta, theta / n, (int) Math.ceil(theta)));
        }
    }

    KljnLoop loop() {
        ResistorPair pair;
        double low = positive("--rl", rl);
        double high = positive("--rh", rh);
        if (low == high) {
            throw new IllegalArgumentException("--rl and --rh must differ (both are " + rl + ")");
        }
        if (low > high) {
            throw new IllegalArgumentException("--rl (" + rl + ") must be smaller than --rh (" + rh + ")");
        }
        pair = new ResistorPair(low, high);
        if (alice == null) {
            throw new IllegalArgumentException("--alice must be H or L");
        }
        org.kljn.circuit.LineModel line = line();
        checkResolution(line, bandwidthHz());
        temperature();
        return KljnLoop.secure(pair, alice, line);
    }

    LineModel line() {
        if (preset != null || length != null) {
            if (preset == null || length == null) {
                throw new IllegalArgumentException(preset != null
                        ? "--preset " + preset + " needs --length (the cable length in metres, e.g. --length 500)"
                        : "--length " + length + " needs --preset (cat5, telephone or rg58) to give the cable's R, L"
                        + " and C per km");
            }
            CablePreset p = CablePreset.named(preset);
            double metres = positive("--length", length);
            rc = Double.toString(p.resistance(metres));
            cc = Double.toString(p.capacitance(metres));
            lc = Double.toString(p.inductance(metres));
        }
        switch (cable.toLowerCase(java.util.Locale.ROOT)) {
            case "lumped":
                return new LumpedLine(nonNegative("--rc", rc));
            case "ladder":
                return new RcLadder(positive("--rc", rc), required("--cc", cc, "ladder"), sections);
            case "urc":
                return new UniformRcLine(positive("--rc", rc), required("--cc", cc, "urc"), sections);
            case "ltra":
                return new LossyLine(positive("--rc", rc), nonNegative("--lc", lc), 0,
                        required("--cc", cc, "ltra"));
            case "subckt":
                if (subckt == null || subcktName == null) {
                    throw new IllegalArgumentException("--cable subckt needs --subckt FILE and --subckt-name NAME");
                }
                return UserSubcircuit.read(subckt, subcktName);
            default:
                throw new IllegalArgumentException("--cable: unknown model '" + cable
                        + "'; allowed: lumped, ladder, urc, ltra, subckt");
        }
    }

    private static double required(String option, String value, String model) {
        if (value == null) {
            throw new IllegalArgumentException("--cable " + model + " needs " + option);
        }
        return positive(option, value);
    }

    static double positive(String option, String text) {
        double v = SpiceNumbers.parse(option, text);
        if (!(v > 0)) {
            throw new IllegalArgumentException(option + " must be > 0, got " + text);
        }
        return v;
    }

    static double nonNegative(String option, String text) {
        double v = SpiceNumbers.parse(option, text);
        if (v < 0) {
            throw new IllegalArgumentException(option + " must be >= 0, got " + text);
        }
        return v;
    }
}
