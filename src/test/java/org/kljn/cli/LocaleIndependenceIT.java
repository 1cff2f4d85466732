package org.kljn.cli;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Numbers cross the Java-ngspice boundary and reach the user the same way whatever the locale: a JVM started
 * in German (decimal comma; the JVM calls setlocale(LC_ALL, "") at start-up, so the C library inherits it)
 * gives byte-for-byte the output of one started in the C locale.
 */
@Tag("integration") // locale: runs in mvn verify (failsafe), not in the fast mvn test
class LocaleIndependenceIT {

    private static String kljn(Path dir, Map<String, String> env, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(20, TimeUnit.MINUTES));
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    @Test
    void aGermanLocaleChangesNoNumber(@TempDir Path dir) throws Exception {
        // compile a de_DE locale into the test folder (glibc finds it through LOCPATH)
        Process def = new ProcessBuilder("localedef", "-i", "de_DE", "-f", "UTF-8", dir.resolve("de_DE.UTF-8").toString())
                .redirectErrorStream(true).start();
        String defOut = new String(def.getInputStream().readAllBytes());
        assertTrue(def.waitFor(20, TimeUnit.MINUTES));
        assertTrue(Files.isDirectory(dir.resolve("de_DE.UTF-8")), "localedef made the locale: " + defOut);
        Map<String, String> german = Map.of("LOCPATH", dir.toString(), "LC_ALL", "de_DE.UTF-8", "LANG", "de_DE.UTF-8");
        Map<String, String> c = Map.of("LC_ALL", "C", "LANG", "C");

        Files.createDirectories(dir.resolve("net"));
        Files.write(dir.resolve("net/lowpass.cir"), List.of("* low-pass with non-integer values", "V1 in 0 dc 0.5 ac 1",
                "R1 in out 1.5k", "C1 out 0 0.33u", ".ac lin 5 0.5 1.5k", ".end"));
        String[] analyze = {"analyze", "--rl", "1.2k", "--rh", "9.7k", "--cable", "ladder", "--rc", "123.4", "--cc", "0.15u",
                "--bandwidth", "1.5k", "--beta", "1.05", "--json"};
        String json = kljn(dir, c, analyze);
        assertEquals(json, kljn(dir, german, analyze));
        assertTrue(json.contains("V\\u00B2/Hz"), "JSON on stdout escapes what is not ASCII: " + json);
        // the text under an ASCII locale spells V^2/Hz where Java would print V?/Hz
        String text = kljn(dir, c, java.util.Arrays.copyOf(analyze, analyze.length - 1));
        assertTrue(text.contains("V^2/Hz") && !text.contains("?"), text);

        kljn(dir, c, "run", "net", "--out", "c");
        kljn(dir, german, "run", "net", "--out", "de");
        assertEquals(Files.readString(dir.resolve("c/lowpass.ac1.csv")), Files.readString(dir.resolve("de/lowpass.ac1.csv")));
        assertTrue(Files.readString(dir.resolve("de/lowpass.ac1.csv")).contains("1500.0"), "dots, not commas");
    }
}
