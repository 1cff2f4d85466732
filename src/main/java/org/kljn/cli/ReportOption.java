package org.kljn.cli;

import org.kljn.io.AtomicFiles;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * The {@code --report DIR} option of {@code analyze}, {@code defend} and {@code map}: an HTML page of the result
 * (index.html, figures, data) in the style of the main job's report. The folder is checked (created, written to,
 * refused when it is a file) before anything is computed, so a wrong folder fails at once and not after the run.
 */
public final class ReportOption {
    @Option(names = "--report", paramLabel = "DIR",
            description = "also write an HTML report (index.html, figures PNG/SVG, data) into the folder DIR")
    Path dir;

    /** The folder, checked writable (and created), or null without {@code --report}; call before computing. */
    Path checked() {
        if (dir == null) {
            return null;
        }
        try {
            AtomicFiles.checkWritableFolder("--report", dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    /** Says where the page is ({@code report: DIR/index.html}): on stdout, or on stderr beside {@code --json}. */
    static void announce(picocli.CommandLine.Model.CommandSpec spec, boolean json, Path index) {
        java.io.PrintWriter w = json ? spec.commandLine().getErr() : spec.commandLine().getOut();
        w.println("report: " + index);
        w.flush();
    }
}
