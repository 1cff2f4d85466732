package org.kljn.sweep;

import java.nio.file.Path;

/**
 * A user cable subcircuit named in a spec.
 *
 * @param file the file as written in the spec (what the CSV and the point key show)
 * @param path the file resolved against the spec's folder
 * @param name the {@code .subckt} name
 */
public record SubcktRef(String file, Path path, String name) {
}
