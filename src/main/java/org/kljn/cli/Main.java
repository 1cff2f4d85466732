package org.kljn.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code ./kljn}. */
@Command(name = "kljn", mixinStandardHelpOptions = true, version = "kljn 0.1.0",
        description = "Circuit-level checks of the KLJN key exchange in ngspice (shared library via JNA).",
        subcommands = {RunCommand.class, AnalyzeCommand.class, CrosscheckCommand.class, AttackCommand.class, NetlistCommand.class, CommandLine.HelpCommand.class})
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
            cmd.getErr().println("kljn: " + ex.getMessage());
            return 1;
        });
        return cl.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
