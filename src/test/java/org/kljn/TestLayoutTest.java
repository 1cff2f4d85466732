package org.kljn;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
