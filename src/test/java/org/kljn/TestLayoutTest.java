package org.kljn;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The test suite's split by cost: failsafe runs the classes tagged {@code integration}, so an {@code *IT} class
 * without the tag would run nowhere. Every {@code *IT} must carry it.
 */
class TestLayoutTest {

    @Test
    void everyIntegrationClassIsTagged() throws IOException {
        List<String> untagged;
        try (Stream<Path> files = Files.walk(Path.of("src/test/java"))) {
            untagged = files.filter(p -> p.getFileName().toString().endsWith("IT.java")).filter(p -> {
                try {
                    return !Files.readString(p).contains("@Tag(\"integration\")");
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).map(Path::toString).toList();
        }
        assertEquals(List.of(), untagged, "*IT classes without @Tag(\"integration\") would run in neither mvn test nor"
                + " mvn verify");
    }
}
