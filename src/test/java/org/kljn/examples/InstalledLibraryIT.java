package org.kljn.examples;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * kljn as a library: the README's Java API example ({@link LoopAnalysisExample}, which the README shows verbatim:
 * ReadmeTest) is compiled and run
 * by a separate Maven project that depends only on {@code org.kljn:kljn} as {@code mvn install} leaves it in a local
 * repository: the thin jar {@code target/kljn.jar} beside the project's own {@code pom.xml}. Everything else the
 * example needs must come from that POM's dependencies, and it must print what {@code kljn analyze --json} gives.
 *
 * <p>The separate build runs in a fresh local repository whose only source is a mirror of this build's local
 * repository ({@code file:}), so it uses no network and leaves the user's repository untouched; it needs only the
 * plugins this build has already used (resources, compiler 3.13.0, exec 3.5.1).
 */
@Tag("integration") // runs in mvn verify (failsafe), after package has built the jars
class InstalledLibraryIT {
    private static final Path ROOT = Path.of("").toAbsolutePath();
    private static final Path THIN_JAR = ROOT.resolve("target/kljn.jar");

    @Test
    void theReadmeExampleBuildsAndRunsAgainstTheInstalledArtifact(@TempDir Path work) throws Exception {
        assertTrue(Files.isRegularFile(THIN_JAR), THIN_JAR + " is missing: this test runs in 'mvn verify', after package");
        assertTrue(Files.isRegularFile(ROOT.resolve("target/kljn-cli.jar")), "the command-line jar is not built");
        assertTrue(Files.isRegularFile(ROOT.resolve("target/kljn-javadoc.jar")), "the javadoc jar is not built");
        // the shade plugin writes this file when it replaces the POM that install copies with one listing no
        // dependency (as it did once here, with createDependencyReducedPom left at its default)
        assertFalse(Files.exists(ROOT.resolve("dependency-reduced-pom.xml")), "the shade plugin replaced the POM that"
                + " mvn install copies; keep createDependencyReducedPom false");
        String version = thinJarVersion();
        assertOnlyKljnClasses();

        // what mvn install writes for the main artifact: the jar and the project's POM, under groupId/artifactId/version
        Path repository = work.resolve("repository");
        Path installed = repository.resolve("org/kljn/kljn").resolve(version);
        Files.createDirectories(installed);
        Files.copy(THIN_JAR, installed.resolve("kljn-" + version + ".jar"));
        Files.copy(ROOT.resolve("pom.xml"), installed.resolve("kljn-" + version + ".pom"));

        Path outer = Path.of(System.getProperty("kljn.it.localRepository",
                Path.of(System.getProperty("user.home"), ".m2", "repository").toString()));
        Path settings = work.resolve("settings.xml");
        Files.writeString(settings, """
                <settings>
                  <localRepository>%s</localRepository>
                  <mirrors>
                    <mirror><id>this-build</id><mirrorOf>*</mirrorOf><url>%s</url></mirror>
                  </mirrors>
                </settings>
                """.formatted(repository, outer.toUri()));

        Path consumer = work.resolve("consumer");
        Path source = consumer.resolve("src/main/java/org/kljn/examples/LoopAnalysisExample.java");
        Files.createDirectories(source.getParent());
        Files.copy(ROOT.resolve("src/test/java/org/kljn/examples/LoopAnalysisExample.java"), source);
        Path printed = work.resolve("printed.txt");
        String ngspice = System.getProperty("kljn.ngspice.library");
        Files.writeString(consumer.resolve("pom.xml"), """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>org.example</groupId>
                  <artifactId>uses-kljn</artifactId>
                  <version>1</version>
                  <properties>
                    <maven.compiler.release>17</maven.compiler.release>
                    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
                  </properties>
                  <dependencies>
                    <dependency>
                      <groupId>org.kljn</groupId>
                      <artifactId>kljn</artifactId>
                      <version>%s</version>
                    </dependency>
                  </dependencies>
                  <build>
                    <plugins>
                      <plugin>
                        <groupId>org.apache.maven.plugins</groupId>
                        <artifactId>maven-compiler-plugin</artifactId>
                        <version>3.13.0</version>
                      </plugin>
                      <plugin>
                        <groupId>org.codehaus.mojo</groupId>
                        <artifactId>exec-maven-plugin</artifactId>
                        <version>3.5.1</version>
                        <configuration>
                          <executable>%s</executable>
                          <arguments>
                            %s
                            <argument>-classpath</argument>
                            <classpath/>
                            <argument>org.kljn.examples.LoopAnalysisExample</argument>
                          </arguments>
                          <outputFile>%s</outputFile>
                        </configuration>
                      </plugin>
                    </plugins>
                  </build>
                </project>
                """.formatted(version, Path.of(System.getProperty("java.home"), "bin", "java"),
                ngspice == null ? "" : "<argument>-Dkljn.ngspice.library=" + ngspice + "</argument>", printed));

        String mvn = Path.of(System.getProperty("kljn.it.mavenHome", ""), "bin", "mvn").toString();
        if (!Files.isExecutable(Path.of(mvn))) {
            mvn = "mvn"; // not started by mvn verify: the one on the PATH
        }
        Path log = work.resolve("mvn.log");
        Process p = new ProcessBuilder(mvn, "-B", "-Dstyle.color=never", "-s", settings.toString(), "compile",
                "exec:exec").directory(consumer.toFile()).redirectErrorStream(true).redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        // a hang guard only, far above the minute this takes
        if (!p.waitFor(30, TimeUnit.MINUTES)) {
            p.destroyForcibly().waitFor();
            fail("the separate Maven build did not end in 30 minutes:\n" + Files.readString(log));
        }
        assertEquals(0, p.exitValue(), "the separate Maven build failed:\n" + Files.readString(log));

        // the POM brought every compile dependency into the separate build's repository
        for (String dependency : compileDependencies(ROOT.resolve("pom.xml"))) {
            assertTrue(Files.isDirectory(repository.resolve(dependency)), dependency + " (a dependency in kljn's POM)"
                    + " did not reach the separate build");
        }
        JavaApiExampleTest.assertAgreesWithAnalyzeJson(Files.readString(printed, StandardCharsets.UTF_8));
    }

    /** The version Maven stamped into the jar (META-INF/maven/org.kljn/kljn/pom.properties). */
    private static String thinJarVersion() throws IOException {
        try (ZipFile jar = new ZipFile(THIN_JAR.toFile())) {
            ZipEntry e = jar.getEntry("META-INF/maven/org.kljn/kljn/pom.properties");
            assertTrue(e != null, THIN_JAR + " has no pom.properties");
            Properties p = new Properties();
            try (InputStream in = jar.getInputStream(e)) {
                p.load(in);
            }
            return p.getProperty("version");
        }
    }

    /** The thin jar carries kljn's own classes only: its dependencies come from its POM, not from inside it. */
    private static void assertOnlyKljnClasses() throws IOException {
        List<String> foreign = new ArrayList<>();
        int own = 0;
        try (ZipFile jar = new ZipFile(THIN_JAR.toFile())) {
            for (ZipEntry e : java.util.Collections.list(jar.entries())) {
                if (e.getName().endsWith(".class")) {
                    if (e.getName().startsWith("org/kljn/")) {
                        own++;
                    } else {
                        foreign.add(e.getName());
                    }
                }
            }
        }
        assertEquals(List.of(), foreign.subList(0, Math.min(10, foreign.size())), "classes of other projects in "
                + THIN_JAR + " (" + foreign.size() + ")");
        assertTrue(own > 0, THIN_JAR + " holds no kljn class");
    }

    /** groupId/artifactId/version folders of the POM's dependencies in compile scope, properties substituted. */
    private static List<String> compileDependencies(Path pom) throws Exception {
        Document d = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
        Map<String, String> properties = new LinkedHashMap<>();
        NodeList props = d.getElementsByTagName("properties");
        for (int i = 0; i < props.getLength(); i++) {
            for (Node n = props.item(i).getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element e) {
                    properties.put(e.getTagName(), e.getTextContent().strip());
                }
            }
        }
        List<String> out = new ArrayList<>();
        NodeList deps = d.getElementsByTagName("dependency");
        for (int i = 0; i < deps.getLength(); i++) {
            Element dep = (Element) deps.item(i);
            String scope = text(dep, "scope", "compile");
            if (scope.equals("compile") || scope.equals("runtime")) {
                out.add(text(dep, "groupId", "").replace('.', '/') + "/" + text(dep, "artifactId", "") + "/"
                        + substitute(text(dep, "version", ""), properties));
            }
        }
        assertTrue(!out.isEmpty(), "no compile dependency found in " + pom);
        return out;
    }

    private static String text(Element parent, String tag, String absent) {
        NodeList l = parent.getElementsByTagName(tag);
        return l.getLength() == 0 ? absent : l.item(0).getTextContent().strip();
    }

    private static String substitute(String value, Map<String, String> properties) {
        Matcher m = Pattern.compile("\\$\\{([^}]+)}").matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(properties.getOrDefault(m.group(1), m.group())));
        }
        return m.appendTail(out).toString();
    }
}
