package org.kljn.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code ./kljn}. */
@Command(name = "kljn", mixinStandardHelpOptions = true, version = "kljn 0.1.0",
        description = "Circuit-level checks of the KLJN key exchange in ngspice (shared library via JNA).",
        subcommands = {RunCommand.class, AnalyzeCommand.class, DefendCommand.class, MapCommand.class, CrosscheckCommand.class, AttackCommand.class, SweepCommand.class, MergeCommand.class, StatusCommand.class, ReportCommand.class, BenchCommand.class, NetlistCommand.class, CommandLine.HelpCommand.class})
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
        cl.registerConverter(java.nio.file.Path.class, text -> {
            try {
                return java.nio.file.Path.of(text);
            } catch (java.nio.file.InvalidPathException e) {
                throw new CommandLine.TypeConversionException("cannot use the file name '" + text + "': this JVM"
                        + " decodes file names as " + System.getProperty("sun.jnu.encoding") + " (the locale's"
                        + " character set); run with a UTF-8 locale, e.g. LC_CTYPE=C.UTF-8 (the kljn launcher sets it)");
            }
        });
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            cmd.getErr().println("kljn: " + (ex instanceof org.kljn.circuit.ParameterException pe
                    ? OptionNames.message(pe) : describe(ex)));
            return 1;
        });
        try {
            return cl.execute(args);
        } catch (LinkageError e) {
            // a library that is not what it claims (NGSPICE_LIBRARY_PATH naming a text file): one line, no trace
            System.err.println("kljn: " + describe(e));
            return 1;
        }
    }

    /**
     * An error in words: for a file error the path and the cause ("no such file", "No space left on device"),
     * with the causes of a wrapped one; never a bare path or a bare exception name.
     */
    static String describe(Throwable ex) {
        Throwable t = ex;
        if (t instanceof java.io.UncheckedIOException u && u.getCause() != null) {
            t = u.getCause();
        }
        String message = t.getMessage();
        String reason = reason(t);
        if (t instanceof java.nio.file.FileSystemException fs) {
            String file = fs.getFile();
            String other = fs.getOtherFile();
            return (file == null ? "" : file + (other == null ? "" : " -> " + other) + ": ") + reason;
        }
        if (message == null || message.isBlank()) {
            message = t.getClass().getSimpleName();
        }
        Throwable cause = t.getCause();
        if (cause != null && cause != t && cause.getMessage() != null && !message.contains(reason(cause))) {
            message += ": " + reason(cause);
        }
        return message;
    }

    private static String reason(Throwable t) {
        if (t instanceof java.nio.file.NoSuchFileException) {
            return "no such file or folder";
        }
        if (t instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (t instanceof java.nio.file.FileAlreadyExistsException f) {
            return f.getReason() != null ? f.getReason() : "it already exists";
        }
        if (t instanceof java.nio.file.NotDirectoryException) {
            return "not a folder";
        }
        if (t instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        if (t instanceof java.nio.charset.MalformedInputException) {
            return "not UTF-8 text";
        }
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
    }

    @CommandLine.Option(names = "--out", defaultValue = "kljn-report",
            description = "report folder of the main job (default ${DEFAULT-VALUE})")
    java.nio.file.Path out;

    /** No subcommand: the main job on its embedded default (a 2 km Cat5-like KLJN line). */
    @Override
    public void run() {
        try {
            org.kljn.analysis.LineStudy.Result study;
            try (org.kljn.ngspice.NgSpice spice = org.kljn.ngspice.NgSpice.open()) {
                study = org.kljn.analysis.LineStudy.run(spice, org.kljn.analysis.LineStudy.Config.defaults(),
                        System.err::println);
            }
            String verdict = org.kljn.report.KljnStudy.write(study, out);
            java.io.PrintWriter w = spec.commandLine().getOut();
            w.println(verdict);
            w.println();
            w.println("report: " + out.resolve("index.html"));
            w.flush();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("writing the report to " + out + ": " + describe(e), e);
        }
    }
}
