package org.kljn.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import picocli.CommandLine.Option;

/** The {@code --json} flag of the commands that print results, and their one JSON writer (indented). */
public final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    /** Standard output: non-ASCII as \\u escapes, so the bytes are the same under every locale's character set. */
    private static final ObjectMapper STDOUT = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(com.fasterxml.jackson.core.json.JsonWriteFeature.ESCAPE_NON_ASCII.mappedFeature());

    @Option(names = "--json", description = "one JSON object on stdout")
    boolean enabled;

    public boolean enabled() {
        return enabled;
    }

    /** For a file (UTF-8). */
    static String write(Object value) {
        return write(MAPPER, value);
    }

    /**
     * For standard output: the JSON of {@link #write} with every non-ASCII character as a {@code \\u} escape (V²
     * reads {@code V\\u00B2}), which any JSON reader decodes, whatever the locale that printed it.
     */
    static String stdout(Object value) {
        return write(STDOUT, value);
    }

    private static String write(ObjectMapper mapper, Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
