package org.kljn.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code ./kljn}. */
@Command(name = "kljn", mixinStandardHelpOptions = true, version = "kljn 0.1.0",
        description = "Circuit-level checks of the KLJN key exchange in ngspice (shared library via JNA).",
        subcommands = {RunCommand.class, AnalyzeCommand.class, DefendCommand.class, MapCommand.class, CrosscheckCommand.class, AttackCommand.class, SweepCommand.class, MergeCommand.class, ReportCommand.class, BenchCommand.class, NetlistCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns the exit status (tests call this directly). */
    public static int execute(String... args) {
        CommandLine cl = new CommandLine(new Main());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            cmd.getErr().println("kljn: " + (ex instanceof org.kljn.circuit.ParameterException pe
                    ? OptionNames.message(pe) : ex.getMessage()));
            return 1;
        });
        return cl.execute(args);
    }

    @CommandLine.Option(names = "--out", defaultValue = "kljn-report",
            description = "report folder of the main job (default ${DEFAULT-VALUE})")
    java.nio.file.Path out;

    /** No subcommand: the main job on its embedded default (a 2 km Cat5-like KLJN line). */
    @Override
    public void run() {
        try {
            String verdict = org.kljn.report.KljnStudy.run(org.kljn.report.KljnStudy.defaults(out), System.err);
            java.io.PrintWriter w = spec.commandLine().getOut();
            w.println(verdict);
            w.println();
            w.println("report: " + out.resolve("index.html"));
            w.flush();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("writing the report to " + out, e);
        }
    }
}
