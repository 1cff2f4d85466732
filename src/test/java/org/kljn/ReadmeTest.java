package org.kljn;

import org.junit.jupiter.api.Test;
import org.kljn.cli.Main;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README and the pages in {@code docs/} keep their promises: the README's Java example is the file the example
 * tests compile and run, every command has an example in the README, every relative link and anchor of the README
 * and the docs pages resolves, and the docs index lists every page.
 */
class ReadmeTest {
    private static final Path ROOT = Path.of("").toAbsolutePath();
    private static final Path README = ROOT.resolve("README.md");
    private static final Path DOCS = ROOT.resolve("docs");
    private static final Path EXAMPLE = ROOT.resolve("src/test/java/org/kljn/examples/LoopAnalysisExample.java");
    /**
     * A Markdown inline link or image: [text](target), the target without spaces (an optional title is ignored); an
     * escaped bracket (\[) starts no link, as in the formula Re\[H_x H_y*](f_w).
     */
    private static final Pattern LINK = Pattern.compile("(?<!\\\\)!?\\[[^\\]]*\\]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");

    @Test
    void theJavaExampleIsTheFileTheExampleTestsRun() throws IOException {
        List<String> blocks = fencedBlocks(Files.readString(README, StandardCharsets.UTF_8), "java");
        assertEquals(1, blocks.size(), "the README holds one Java example");
        // the file carries a class comment for its readers in the test tree; the README shows the code
        String file = Files.readString(EXAMPLE, StandardCharsets.UTF_8)
                .replaceFirst("(?s)/\\*\\*.*?\\*/\\n(?=public final class)", "");
        assertEquals(file.strip(), blocks.get(0).strip(), "the README's Java example differs from " + ROOT.relativize(
                EXAMPLE) + " (JavaApiExampleTest and InstalledLibraryIT run the file: keep the two the same)");
    }

    @Test
    void everyCommandHasAnExampleInTheReadme() throws IOException {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        Set<String> missing = new TreeSet<>();
        for (String name : new CommandLine(new Main()).getSubcommands().keySet()) {
            if (!name.equals("help") && !Pattern.compile("\\./kljn " + Pattern.quote(name) + "[ `\\n]").matcher(readme)
                    .find()) {
                missing.add(name);
            }
        }
        assertEquals(Set.of(), missing, "commands without an example ('./kljn NAME ...') in README.md");
    }

    @Test
    void everyRelativeLinkAndAnchorResolves() throws IOException {
        List<String> broken = new ArrayList<>();
        Map<Path, Set<String>> anchors = new HashMap<>();
        for (Path page : pages()) {
            for (String target : links(Files.readString(page, StandardCharsets.UTF_8))) {
                if (target.matches("^[a-z]+:.*")) {
                    continue; // http:, https:, mailto: are not checked here
                }
                int hash = target.indexOf('#');
                String file = hash < 0 ? target : target.substring(0, hash);
                Path to = file.isEmpty() ? page : page.getParent().resolve(file).normalize();
                String where = ROOT.relativize(page) + ": (" + target + ")";
                if (!to.startsWith(ROOT) || !Files.exists(to)) {
                    broken.add(where + ": no such file");
                } else if (hash >= 0) {
                    if (!to.toString().endsWith(".md")) {
                        broken.add(where + ": an anchor into a file that is not Markdown");
                    } else if (!anchors.computeIfAbsent(to, ReadmeTest::headingAnchors)
                            .contains(target.substring(hash + 1))) {
                        broken.add(where + ": no heading with that anchor in " + ROOT.relativize(to));
                    }
                }
            }
        }
        assertEquals(List.of(), broken);
    }

    @Test
    void theDocsIndexListsEveryPage() throws IOException {
        Path index = DOCS.resolve("README.md");
        assertTrue(Files.isRegularFile(index), "docs/README.md, the index of the docs pages, is missing");
        Set<Path> linked = new HashSet<>();
        for (String target : links(Files.readString(index, StandardCharsets.UTF_8))) {
            linked.add(DOCS.resolve(target.replaceFirst("#.*", "")).normalize());
        }
        Set<String> unlisted = new TreeSet<>();
        for (Path page : pages()) {
            if (page.getParent().equals(DOCS) && !page.equals(index) && !linked.contains(page)) {
                unlisted.add(page.getFileName().toString());
            }
        }
        assertEquals(Set.of(), unlisted, "pages in docs/ that docs/README.md does not list");
        assertTrue(Files.readString(README, StandardCharsets.UTF_8).contains("(docs/README.md)"),
                "README.md links the docs index");
    }

    @Test
    void theAnchorRuleIsGitHubs() {
        // GitHub's rule (github-slugger): lower case, every character but letters, digits, marks, spaces, hyphens
        // and underscores dropped, spaces to hyphens, a repeated heading numbered from 1
        assertEquals(List.of("probabilities-for-a-finite-bit-evemethod", "the-launcher-kljn", "tests", "tests-1",
                        "the-lumped-line-is-secure-at-the-null-β-a-line-with-capacitance-never-is"),
                List.copyOf(headingAnchorsOf("""
                        ## Probabilities for a finite bit (`eve.method`)
                        ## The launcher, `./kljn`
                        # Tests
                        ```
                        # not a heading: inside a fence
                        ```
                        ## Tests
                        ## The lumped line is secure at the null β; a line with capacitance never is
                        """)));
    }

    /** README.md and every Markdown file under docs/. */
    private static List<Path> pages() throws IOException {
        List<Path> pages = new ArrayList<>(List.of(README));
        try (Stream<Path> s = Files.walk(DOCS)) {
            s.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        assertFalse(pages.size() < 2, "no pages in docs/");
        return pages;
    }

    /** The link targets of a Markdown text, outside fenced blocks and inline code. */
    private static List<String> links(String markdown) {
        List<String> out = new ArrayList<>();
        boolean fence = false;
        for (String line : markdown.split("\n", -1)) {
            if (line.startsWith("```")) {
                fence = !fence;
                continue;
            }
            if (fence || line.startsWith("    ")) {
                continue;
            }
            Matcher m = LINK.matcher(line.replaceAll("`[^`]*`", "``"));
            while (m.find()) {
                out.add(m.group(1));
            }
        }
        return out;
    }

    /** The contents of the fenced blocks of a language ("java" for ```java). */
    private static List<String> fencedBlocks(String markdown, String language) {
        List<String> out = new ArrayList<>();
        StringBuilder b = null;
        for (String line : markdown.split("\n", -1)) {
            if (b == null && line.equals("```" + language)) {
                b = new StringBuilder();
            } else if (b != null && line.equals("```")) {
                out.add(b.toString());
                b = null;
            } else if (b != null) {
                b.append(line).append('\n');
            }
        }
        return out;
    }

    private static Set<String> headingAnchors(Path page) {
        try {
            return headingAnchorsOf(Files.readString(page, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The anchors GitHub makes of a page's headings, in order. */
    private static Set<String> headingAnchorsOf(String markdown) {
        Set<String> anchors = new java.util.LinkedHashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        boolean fence = false;
        for (String line : markdown.split("\n", -1)) {
            if (line.startsWith("```")) {
                fence = !fence;
            } else if (!fence && line.matches("#{1,6} .*")) {
                String slug = line.replaceFirst("#+ ", "").strip().toLowerCase(Locale.ROOT)
                        .replaceAll("[^\\p{L}\\p{N}\\p{M} _-]", "").replace(' ', '-');
                int n = seen.merge(slug, 1, Integer::sum) - 1;
                anchors.add(n == 0 ? slug : slug + "-" + n);
            }
        }
        return anchors;
    }
}
