package org.kljn.sweep.slurm;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The class path written into the Slurm scripts: the self-contained command-line jar alone, but the thin library
 * jar (or the classes folder) together with its dependencies, which the nodes need as well.
 */
class KljnClassPathTest {

    @Test
    void theCommandLineJarRunsAlone(@TempDir Path dir) throws IOException {
        Path cli = Files.createFile(dir.resolve("kljn-cli.jar"));
        assertEquals(cli.toString(), SlurmScripts.classPath(cli, cli.toString()));
    }

    @Test
    void theThinJarKeepsItsDependencies(@TempDir Path dir) throws IOException {
        Path thin = Files.createFile(dir.resolve("kljn.jar"));
        Path jna = Files.createFile(dir.resolve("jna.jar"));
        String cp = thin + File.pathSeparator + jna;
        assertEquals(cp, SlurmScripts.classPath(thin, cp));
    }

    @Test
    void aClassesFolderKeepsTheWholeClassPathMadeAbsolute(@TempDir Path dir) throws IOException {
        Path classes = Files.createDirectory(dir.resolve("classes"));
        Path jna = Files.createFile(dir.resolve("jna.jar"));
        String relativeJna = Path.of("").toAbsolutePath().relativize(jna).toString();
        assertEquals(classes + File.pathSeparator + jna,
                SlurmScripts.classPath(classes, classes + File.pathSeparator + relativeJna));
    }
}
