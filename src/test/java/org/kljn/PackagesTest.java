package org.kljn;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packages of the main sources: each says what it is for ({@code package-info.java}, which the Javadoc shows), and
 * their dependencies point one way: the bottom (ngspice, noise, circuit, io, worker) knows nothing of KLJN analysis,
 * the analysis nothing of the sweeps, reports and benchmarks, and nothing but the command line names the command
 * line.
 */
class PackagesTest {
    private static final Path MAIN = Path.of("src/main/java/org/kljn");
    /** Layer of each top-level package: a class may name packages of its own layer or a lower one. */
    private static final Map<String, Integer> LAYER = Map.ofEntries(Map.entry("ngspice", 0),
            Map.entry("noise", 0), Map.entry("circuit", 0), Map.entry("io", 0), Map.entry("worker", 0),
            Map.entry("analysis", 1), Map.entry("sweep", 2), Map.entry("report", 2), Map.entry("bench", 2),
            Map.entry("output", 2), Map.entry("cli", 3));
    private static final Pattern REFERENCE = Pattern.compile("\\borg\\.kljn\\.([a-z]+)\\b");
    /**
     * Layer of each analysis sub-package (by question, bottom to top): a class may name its own sub-package or one
     * of a lower layer; defence and montecarlo share a layer and so may not name each other.
     */
    private static final Map<String, Integer> ANALYSIS_LAYER = Map.of("exact", 0, "finitebit", 1, "eavesdropper", 2,
            "loop", 3, "defence", 4, "montecarlo", 4, "study", 5);
    private static final Pattern ANALYSIS_REFERENCE = Pattern.compile("\\borg\\.kljn\\.analysis\\.([a-z]+)\\b");
    private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);

    @Test
    void everyPackageSaysWhatItIsFor() throws IOException {
        TreeSet<String> without = new TreeSet<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            files.filter(p -> p.toString().endsWith(".java")).map(Path::getParent).distinct()
                    .filter(dir -> !Files.isRegularFile(dir.resolve("package-info.java")))
                    .forEach(dir -> without.add(MAIN.relativize(dir).toString()));
        }
        assertEquals(new TreeSet<>(), without, "packages without package-info.java");
    }

    @Test
    void dependenciesPointOneWay() throws IOException {
        TreeSet<String> wrong = new TreeSet<>();
        List<Path> sources;
        try (Stream<Path> files = Files.walk(MAIN)) {
            sources = files.filter(p -> p.toString().endsWith(".java")).toList();
        }
        assertTrue(sources.size() > 100, "the main sources were not found under " + MAIN.toAbsolutePath());
        for (Path source : sources) {
            String from = MAIN.relativize(source).getName(0).toString();
            assertTrue(LAYER.containsKey(from), "package org.kljn." + from + " has no layer in this test: add it");
            // code only: a comment may name any package
            Matcher m = REFERENCE.matcher(COMMENT.matcher(Files.readString(source)).replaceAll(" "));
            while (m.find()) {
                String to = m.group(1);
                assertTrue(LAYER.containsKey(to), source + " names org.kljn." + to + ", which has no layer in this test");
                if (LAYER.get(to) > LAYER.get(from)) {
                    wrong.add(MAIN.relativize(source) + " -> org.kljn." + to);
                }
            }
        }
        assertEquals(new TreeSet<>(), wrong, "references from a lower layer to a higher one");
    }

    @Test
    void analysisSubPackagesPointOneWay() throws IOException {
        Path analysis = MAIN.resolve("analysis");
        TreeSet<String> wrong = new TreeSet<>();
        List<Path> sources;
        try (Stream<Path> files = Files.walk(analysis)) {
            sources = files.filter(p -> p.toString().endsWith(".java") && p.getNameCount() > analysis.getNameCount() + 1)
                    .toList();
        }
        assertTrue(sources.size() > 50, "the analysis sources were not found under " + analysis.toAbsolutePath());
        for (Path source : sources) {
            String from = analysis.relativize(source).getName(0).toString();
            assertTrue(ANALYSIS_LAYER.containsKey(from), "org.kljn.analysis." + from + " has no layer in this test: add it");
            Matcher m = ANALYSIS_REFERENCE.matcher(COMMENT.matcher(Files.readString(source)).replaceAll(" "));
            while (m.find()) {
                String to = m.group(1);
                assertTrue(ANALYSIS_LAYER.containsKey(to), source + " names org.kljn.analysis." + to
                        + ", which has no layer in this test");
                if (!to.equals(from) && ANALYSIS_LAYER.get(to) >= ANALYSIS_LAYER.get(from)) {
                    wrong.add(analysis.relativize(source) + " -> org.kljn.analysis." + to);
                }
            }
        }
        assertEquals(new TreeSet<>(), wrong, "analysis sub-packages naming one of their own layer or a higher one");
    }
}
