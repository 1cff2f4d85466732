package org.kljn.cli;

import org.kljn.bench.AttackLauncher;
import org.kljn.bench.Benchmarks;
import org.kljn.output.BenchOutput;
import org.kljn.io.AtomicFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;

/** {@code kljn bench}: the performance harness; results also go to bench/DATE.json. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure kljn attack end to end against ngspice -b on the same loop, band and noise samples (lumped"
                + " loop and 20-section RC ladder), the attack's memory against run length, the transient kernel alone,"
                + " the exact analysis and the sweep speed-up. About 10 minutes on a quiet 2-core machine.")
public final class BenchCommand implements Callable<Integer> {
    @picocli.CommandLine.Mixin
    Json json;

    @Option(names = "--quick", description = "10^5 samples end to end on both lines once, memory at 10^5 and 10^6"
            + " samples, no kernel-only or sweep figures: about a minute")
    boolean quick;

    @Option(names = "--dir", defaultValue = "bench", description = "folder for the dated results file (default ${DEFAULT-VALUE})")
    Path dir;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        // the results file is written at the end of a long run: find out now whether it can be
        try {
            java.nio.file.Files.createDirectories(dir);
            java.nio.file.Files.deleteIfExists(java.nio.file.Files.createTempFile(dir, ".kljn-write-check-", ".tmp"));
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("--dir " + dir + ": cannot write the results there ("
                    + Main.describe(e) + ")");
        }
        BenchOutput r = Benchmarks.run(quick ? Benchmarks.Plan.quick() : Benchmarks.Plan.full(),
                AttackLauncher.current(Main.class.getName()), System.err);
        String text = Json.write(r);
        Path file = dir.resolve(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmmss")) + ".json");
        AtomicFiles.writeString(file, text + "\n");
        if (json.enabled()) {
            spec.commandLine().getOut().println(text);
        }
        spec.commandLine().getOut().println("results: " + file);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
