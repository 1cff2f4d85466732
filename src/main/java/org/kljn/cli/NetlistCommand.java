package org.kljn.cli;

import org.kljn.analysis.exact.ExactAnalysis;
import org.kljn.analysis.exact.NoiseTemperatures;
import org.kljn.circuit.KljnLoop;
import org.kljn.circuit.NetlistWriter;
import org.kljn.noise.Johnson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code kljn netlist}: prints the generated SPICE netlist; it runs unchanged in the ngspice program. */
@Command(name = "netlist", mixinStandardHelpOptions = true,
        description = "Print the KLJN loop as SPICE: AC (transfer functions) or transient (TRNOISE generators).")
public final class NetlistCommand implements Callable<Integer> {
    @Mixin
    LoopOptions options;

    @Option(names = "--analysis", defaultValue = "ac", description = "ac or tran (default ${DEFAULT-VALUE})")
    String analysis;

    @Option(names = "--source", defaultValue = "alice",
            description = "ac: the generator excited with ac 1, alice or bob (default ${DEFAULT-VALUE})")
    String source;

    @Option(names = "--points", defaultValue = "" + ExactAnalysis.DEFAULT_POINTS, description = "ac sweep points")
    int points;

    @Option(names = "--beta", defaultValue = "1", description = "tran: temperature offset of the R_L side")
    double beta;

    @Option(names = "--duration", defaultValue = "1", description = "tran: simulated time in seconds")
    double duration;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        KljnLoop loop = options.loop();
        double bandwidth = options.bandwidthHz();
        if (!(beta > 0 && beta <= 1000)) {
            throw new IllegalArgumentException("--beta " + beta + ": allowed a number in (0, 1000]");
        }
        List<String> lines;
        if (analysis.equalsIgnoreCase("ac")) {
            boolean alice = source.equalsIgnoreCase("alice");
            if (!alice && !source.equalsIgnoreCase("bob")) {
                throw new IllegalArgumentException("--source must be alice or bob, got " + source);
            }
            double fStart = loop.line().singularAtDc() ? bandwidth * 1e-9 : 0;
            lines = NetlistWriter.ac(loop, alice ? 1 : 0, alice ? 0 : 1, points, fStart, bandwidth);
        } else if (analysis.equalsIgnoreCase("tran")) {
            // TRNOISE samples every 1/(2 Δf) with the rms of 4kTRΔf
            double t = options.temperature();
            double rmsAlice = Math.sqrt(Johnson.meanSquareVoltage(NoiseTemperatures.standard(loop.alice(), t, beta),
                    loop.aliceResistance(), bandwidth));
            double rmsBob = Math.sqrt(Johnson.meanSquareVoltage(NoiseTemperatures.standard(loop.bob(), t, beta),
                    loop.bobResistance(), bandwidth));
            lines = NetlistWriter.transientTrnoise(loop, rmsAlice, rmsBob, 1 / (2 * bandwidth), duration);
        } else {
            throw new IllegalArgumentException("--analysis must be ac or tran, got " + analysis);
        }
        PrintWriter out = spec.commandLine().getOut();
        lines.forEach(out::println);
        out.flush();
        return 0;
    }
}
