package org.kljn.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The one JSON writer of every command's result (indented): records are written in their components' order, maps
 * in their iteration order (ordered maps only: the JSON reads the same every run).
 */
public final class JsonOutput {
    private static final ObjectMapper FILE = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    /** Standard output: non-ASCII as \\u escapes, so the bytes are the same under every locale's character set. */
    private static final ObjectMapper ASCII = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(JsonWriteFeature.ESCAPE_NON_ASCII.mappedFeature());

    private JsonOutput() {
    }

    /** For a file (UTF-8). */
    public static String file(Object value) {
        return write(FILE, value);
    }

    /**
     * For standard output: the JSON of {@link #file} with every non-ASCII character as a {@code \\u} escape (V²
     * reads {@code V\\u00B2}), which any JSON reader decodes, whatever the locale that printed it.
     */
    public static String ascii(Object value) {
        return write(ASCII, value);
    }

    private static String write(ObjectMapper mapper, Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
