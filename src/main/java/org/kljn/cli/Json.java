package org.kljn.cli;

import org.kljn.output.JsonOutput;
import picocli.CommandLine.Option;

/** The {@code --json} flag of the commands that print results; the JSON itself is {@link JsonOutput}'s. */
public final class Json {
    @Option(names = "--json", description = "one JSON object on stdout")
    boolean enabled;

    public boolean enabled() {
        return enabled;
    }

    /** For a file (UTF-8): {@link JsonOutput#file}. */
    static String write(Object value) {
        return JsonOutput.file(value);
    }

    /** For standard output, non-ASCII as {@code \\u} escapes: {@link JsonOutput#ascii}. */
    static String stdout(Object value) {
        return JsonOutput.ascii(value);
    }
}
