package org.kljn.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How the benchmarks start a whole {@code kljn attack} process. The caller names kljn's command-line entry point,
 * so this package depends on nothing above it (the command line calls the benchmarks, not the other way round).
 *
 * @param command        the words that start kljn; the attack's own options are appended
 * @param launcherScript whether {@code command} is the {@code kljn} launcher script, which takes extra JVM options
 *                       through {@code KLJN_JAVA_OPTS} rather than on its command line
 */
public record AttackLauncher(List<String> command, boolean launcherScript) {
    public AttackLauncher {
        command = List.copyOf(command);
    }

    /**
     * What users run, when this JVM was started by the {@code kljn} launcher (its path in the system property
     * {@code kljn.launcher}); otherwise (tests, an IDE, {@code java -jar}) this JVM's java with its performance
     * options (GC, class-data sharing) and class path, running {@code mainClass}.
     *
     * @param mainClass the fully qualified name of kljn's command-line main class
     * @return how to start kljn from this JVM
     */
    public static AttackLauncher current(String mainClass) {
        String launcher = System.getProperty("kljn.launcher");
        if (launcher != null && Files.isExecutable(Path.of(launcher))) {
            return new AttackLauncher(List.of(launcher), true);
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(performanceOptions());
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
        return new AttackLauncher(cmd, false);
    }

    /** The command with extra JVM options: before the class path, or none here when they go through the environment. */
    List<String> withJvmOptions(List<String> jvmOptions) {
        if (launcherScript) {
            return command;
        }
        List<String> out = new ArrayList<>(command);
        out.addAll(out.indexOf("-cp"), jvmOptions);
        return out;
    }

    /** The environment that carries extra JVM options to the launcher script ({@code KLJN_JAVA_OPTS}). */
    Map<String, String> environment(List<String> jvmOptions) {
        return launcherScript ? Map.of("KLJN_JAVA_OPTS", String.join(" ", jvmOptions)) : Map.of();
    }

    /** For the results file: "the kljn launcher", or the java options the attack processes ran with. */
    String describe() {
        return launcherScript ? "the kljn launcher" : "java " + String.join(" ", performanceOptions());
    }

    /** This JVM's own options that shape performance (GC, class-data sharing), for the child attack processes. */
    private static List<String> performanceOptions() {
        List<String> out = new ArrayList<>();
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (a.startsWith("-XX:+Use") && a.endsWith("GC") || a.startsWith("-XX:SharedArchiveFile=")
                    || a.startsWith("-Xlog:cds")) {
                out.add(a);
            }
        }
        return out;
    }
}
