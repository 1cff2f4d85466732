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
        java.nio.charset.Charset terminal = org.kljn.io.AsciiText.stdoutCharset();
        if (!terminal.newEncoder().canEncode("V²/Hz µs ×")) {
            // an ASCII locale: write V^2/Hz rather than the V?/Hz Java would print (a UTF-8 terminal is untouched)
            cl.setOut(new java.io.PrintWriter(org.kljn.io.AsciiText.forCharset(
                    new java.io.OutputStreamWriter(System.out, terminal), terminal), true));
            cl.setErr(new java.io.PrintWriter(org.kljn.io.AsciiText.forCharset(
                    new java.io.OutputStreamWriter(System.err, terminal), terminal), true));
        }
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

    // The main job's loop and line: the defaults are the embedded study (2 km of a Cat5-like pair).
    @CommandLine.Option(names = "--rl", defaultValue = "1k", description = "R_L, ohm (default ${DEFAULT-VALUE})")
    String rl;

    @CommandLine.Option(names = "--rh", defaultValue = "10k", description = "R_H, ohm (default ${DEFAULT-VALUE})")
    String rh;

    @CommandLine.Option(names = "--preset", defaultValue = "cat5",
            description = "cable preset giving R, L, C per km: cat5, telephone, rg58 (default ${DEFAULT-VALUE})")
    String preset;

    @CommandLine.Option(names = "--length", defaultValue = "2k",
            description = "cable length in metres (2k = 2 km; 'm' is refused: SPICE reads it as milli; default ${DEFAULT-VALUE})")
    String length;

    @CommandLine.Option(names = "--teff", defaultValue = "1e9",
            description = "noise temperature T_eff of the R_H side, K (default ${DEFAULT-VALUE})")
    String teff;

    @CommandLine.Option(names = "--bandwidth", defaultValue = "500",
            description = "noise bandwidth Δf, Hz (default ${DEFAULT-VALUE})")
    String bandwidth;

    @CommandLine.Option(names = "--sections", defaultValue = "20",
            description = "T sections of the RC ladder model (default ${DEFAULT-VALUE})")
    int sections;

    @CommandLine.Option(names = "--seed", defaultValue = "1", description = "Monte Carlo seed (default ${DEFAULT-VALUE})")
    long seed;

    /** The study the options describe, checked before anything runs. */
    org.kljn.analysis.study.LineStudy.Config config() {
        org.kljn.circuit.ResistorPair pair = LoopOptions.resistorPair(rl, rh);
        if (seed < 0) {
            throw new IllegalArgumentException("--seed must be >= 0, got " + seed);
        }
        double tEff = LoopOptions.temperature(teff);
        org.kljn.analysis.study.LineStudy.Config d = org.kljn.analysis.study.LineStudy.Config.defaults();
        org.kljn.analysis.study.LineStudy.Config c = new org.kljn.analysis.study.LineStudy.Config(
                pair, org.kljn.circuit.CablePreset.named(preset),
                LoopOptions.positiveLength(length), tEff, LoopOptions.positive("--bandwidth", bandwidth), sections,
                d.mcBits(), d.mcBitSamples(), seed, d.nullBits(), d.nullBitSamples());
        org.kljn.analysis.study.LineStudy.check(c);
        return c;
    }

    /** No subcommand: the main job, on the embedded 2 km Cat5-like line or the loop and line given. */
    @Override
    public void run() {
        org.kljn.analysis.study.LineStudy.Config config = config();
        try {
            org.kljn.io.AtomicFiles.checkWritableFolder("--out", out); // before the job, not after it
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        try {
            org.kljn.analysis.study.LineStudy.Result study;
            try (org.kljn.ngspice.NgSpice spice = org.kljn.ngspice.NgSpice.open()) {
                study = org.kljn.analysis.study.LineStudy.run(spice, config, System.err::println);
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
