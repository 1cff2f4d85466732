package org.kljn;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The test suite's split by cost, readable from a file's name: surefire ({@code mvn test}) runs the {@code *Test}
 * classes, failsafe ({@code mvn verify}) the {@code *IT} classes tagged {@code integration}. An {@code *IT} class
 * without the tag would run nowhere; a {@code *Test} class (or one of its methods) tagged {@code integration} would
 * be skipped by surefire and not picked up by failsafe, or hide a costly test behind a fast-suite name.
 */
class TestLayoutTest {

    private static final String TAG = "@Tag(\"integration\")";

    @Test
    void everyIntegrationClassIsTagged() {
        assertEquals(List.of(), testFiles("IT.java", text -> !text.contains(TAG)),
                "*IT classes without @Tag(\"integration\") would run in neither mvn test nor mvn verify");
    }

    @Test
    void noFastSuiteClassIsTaggedIntegration() {
        assertEquals(List.of(), testFiles("Test.java", text -> text.contains(TAG)),
                "a *Test class tagged integration (on the class or a method): rename it to *IT with git mv, or move"
                        + " the tagged methods into an *IT class");
    }

    /**
     * Tests get their ngspice session from {@code testing.NgSpiceExtension} (one per class, closed after it); only
     * these open sessions themselves, each for a reason the extension cannot serve.
     */
    private static final Map<String, String> OWN_SESSIONS = Map.of(
            "analysis/montecarlo/BitExchangeCallbackPathsIT.java", "one session per callback path (shim and JNA)",
            "ngspice/TabulatedRunTest.java", "one session per callback path (shim and JNA)",
            "ngspice/ParallelInstancesTest.java", "two sessions at once, on two library copies",
            "ngspice/SignalFreeElfTest.java", "two sessions at once, on two library copies",
            "ngspice/ErrorHandlingTest.java", "a victim session that ngspice's ControlledExit kills",
            "examples/LoopAnalysisExample.java", "the README's example: a user opens the session",
            "report/SmallStudyMain.java", "a child JVM's main, not a test",
            "testing/NgSpiceExtension.java", "the extension itself");

    @Test
    void ngspiceSessionsComeFromTheExtension() {
        // the call's text split in two, so that this file does not list itself
        List<String> byHand = testFiles(".java", text -> text.contains("NgSpice" + ".open(")).stream()
                .map(p -> Path.of("src/test/java/org/kljn").relativize(Path.of(p)).toString())
                .filter(p -> !OWN_SESSIONS.containsKey(p)).toList();
        assertEquals(List.of(), byHand, "these tests open ngspice by hand: use @ExtendWith(NgSpiceExtension.class)"
                + " (or add the file to OWN_SESSIONS with the reason the extension cannot serve it)");
    }

    /** The test sources whose name ends with {@code suffix} and whose text matches {@code offending}. */
    private static List<String> testFiles(String suffix, Predicate<String> offending) {
        try (Stream<Path> files = Files.walk(Path.of("src/test/java"))) {
            return files.filter(p -> p.getFileName().toString().endsWith(suffix)).filter(p -> {
                try {
                    return offending.test(Files.readString(p));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).map(Path::toString).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
