package org.kljn.report;

import org.kljn.io.AtomicFiles;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A self-contained {@code index.html}: title, verdict (its one-sentence answer first, then the details), tables, figures (PNG shown, SVG linked) and links to
 * the data files. Inline CSS, no JavaScript, nothing fetched from elsewhere; all text escaped, and the
 * markup is well-formed XML (XHTML-style empty elements). Paths of figures and data files are ordinary paths
 * (absolute, or relative to the working directory like any {@link Path}); the page links them relative to
 * the page's own folder, which is where a browser resolves them.
 */
public record HtmlReport(String title, String headline, String verdict, List<Table> tables, List<Figure> figures,
                         List<DataFile> dataFiles) {

    public HtmlReport {
        Objects.requireNonNull(title, "title");
        headline = headline == null ? "" : headline.strip();
        verdict = verdict == null ? "" : verdict;
        tables = List.copyOf(tables);
        figures = List.copyOf(figures);
        dataFiles = List.copyOf(dataFiles);
    }

    /** A table: optional caption, one header row, rows of cells (a short row leaves its last cells empty). */
    public record Table(String caption, List<String> header, List<List<String>> rows) {
        public Table {
            caption = caption == null ? "" : caption;
            header = List.copyOf(header);
            List<List<String>> copy = new ArrayList<>();
            for (List<String> row : rows) {
                copy.add(List.copyOf(row));
            }
            rows = List.copyOf(copy);
        }
    }

    /** A figure: caption, its PNG (shown) and its SVG (linked; null for none). */
    public record Figure(String caption, Path png, Path svg) {
        public Figure {
            caption = caption == null ? "" : caption;
            Objects.requireNonNull(png, "png");
        }

        public static Figure of(String caption, Charts.Rendered rendered) {
            return new Figure(caption, rendered.png(), rendered.svg());
        }
    }

    /** A data file (CSV, JSON, ...) to link, with what it holds. */
    public record DataFile(String description, Path file) {
        public DataFile {
            description = description == null ? "" : description;
            Objects.requireNonNull(file, "file");
        }
    }

    public static HtmlReport titled(String title) {
        return new HtmlReport(title, "", "", List.of(), List.of(), List.of());
    }

    /** The verdict; blank lines separate paragraphs. */
    public HtmlReport withVerdict(String text) {
        return new HtmlReport(title, headline, text, tables, figures, dataFiles);
    }

    /**
     * The verdict opening with the answer in one sentence (shown first, in bold), then the details (blank lines
     * separate paragraphs): the pages of {@code analyze}, {@code defend} and {@code map} open this way.
     */
    public HtmlReport withVerdict(String sentence, String details) {
        return new HtmlReport(title, sentence, details, tables, figures, dataFiles);
    }

    public HtmlReport withTable(Table table) {
        return new HtmlReport(title, headline, verdict, plus(tables, table), figures, dataFiles);
    }

    public HtmlReport withTable(String caption, List<String> header, List<List<String>> rows) {
        return withTable(new Table(caption, header, rows));
    }

    public HtmlReport withFigure(Figure figure) {
        return new HtmlReport(title, headline, verdict, tables, plus(figures, figure), dataFiles);
    }

    public HtmlReport withFigure(String caption, Charts.Rendered rendered) {
        return withFigure(Figure.of(caption, rendered));
    }

    public HtmlReport withDataFile(String description, Path file) {
        return new HtmlReport(title, headline, verdict, tables, figures, plus(dataFiles, new DataFile(description, file)));
    }

    private static <T> List<T> plus(List<T> list, T item) {
        List<T> all = new ArrayList<>(list);
        all.add(Objects.requireNonNull(item));
        return all;
    }

    /** Writes {@code dir/index.html} atomically and returns its path. */
    public Path write(Path dir) throws IOException {
        Path index = dir.resolve("index.html");
        AtomicFiles.writeString(index, toHtml(dir));
        return index;
    }

    /** The page, with links relative to {@code dir}. */
    public String toHtml(Path dir) {
        StringBuilder h = new StringBuilder(8192);
        h.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n")
                .append("<meta charset=\"utf-8\"/>\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
                .append("<title>").append(escape(title)).append("</title>\n")
                .append("<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
        h.append("<h1>").append(escape(title)).append("</h1>\n");
        if (!verdict.isBlank() || !headline.isEmpty()) {
            h.append("<section class=\"verdict\">\n<h2>Verdict</h2>\n");
            if (!headline.isEmpty()) {
                h.append("<p class=\"headline\">").append(escape(headline)).append("</p>\n");
            }
            for (String paragraph : verdict.isBlank() ? new String[0] : verdict.strip().split("\\R\\s*\\R")) {
                h.append("<p>").append(escape(paragraph.strip())).append("</p>\n");
            }
            h.append("</section>\n");
        }
        if (!tables.isEmpty()) {
            h.append("<section>\n<h2>Tables</h2>\n");
            for (Table t : tables) {
                table(h, t);
            }
            h.append("</section>\n");
        }
        if (!figures.isEmpty()) {
            h.append("<section>\n<h2>Figures</h2>\n");
            for (Figure f : figures) {
                String png = href(dir, f.png());
                h.append("<figure>\n<a href=\"").append(png).append("\"><img src=\"").append(png)
                        .append("\" alt=\"").append(escape(f.caption().isEmpty() ? f.png().getFileName().toString()
                                : f.caption())).append("\"/></a>\n<figcaption>").append(escape(f.caption()));
                if (f.svg() != null) {
                    h.append(" <a class=\"svg\" href=\"").append(href(dir, f.svg())).append("\">SVG</a>");
                }
                h.append("</figcaption>\n</figure>\n");
            }
            h.append("</section>\n");
        }
        if (!dataFiles.isEmpty()) {
            h.append("<section>\n<h2>Data</h2>\n<ul class=\"data\">\n");
            for (DataFile d : dataFiles) {
                h.append("<li><a href=\"").append(href(dir, d.file())).append("\">")
                        .append(escape(d.file().getFileName().toString())).append("</a>");
                if (!d.description().isEmpty()) {
                    h.append(": ").append(escape(d.description()));
                }
                h.append("</li>\n");
            }
            h.append("</ul>\n</section>\n");
        }
        h.append("</body>\n</html>\n");
        return h.toString();
    }

    private static void table(StringBuilder h, Table t) {
        // a wide table scrolls inside the page instead of pushing the page wider than the window
        h.append("<div class=\"table-wrap\">\n<table>\n");
        if (!t.caption().isEmpty()) {
            h.append("<caption>").append(escape(t.caption())).append("</caption>\n");
        }
        int columns = t.header().size();
        for (List<String> row : t.rows()) {
            columns = Math.max(columns, row.size());
        }
        if (!t.header().isEmpty()) {
            h.append("<thead><tr>");
            for (int c = 0; c < columns; c++) {
                h.append("<th>").append(c < t.header().size() ? escape(t.header().get(c)) : "").append("</th>");
            }
            h.append("</tr></thead>\n");
        }
        h.append("<tbody>\n");
        for (List<String> row : t.rows()) {
            h.append("<tr>");
            for (int c = 0; c < columns; c++) {
                String cell = c < row.size() && row.get(c) != null ? row.get(c) : "";
                h.append(numeric(cell) ? "<td class=\"num\">" : "<td>").append(cellHtml(cell)).append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</tbody>\n</table>\n</div>\n");
    }

    /** A number as tables write it: sign, digits, exponent ({@code -4.70e-02}, {@code 1.748×10⁻¹⁶}). */
    private static final String NUMBER = "[-+−]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+|×10[⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+)?";
    /** A number, or a range "a – b", with an optional short unit ({@code 500 µs}, {@code 0.4810 – 0.8545}). */
    private static final java.util.regex.Pattern QUANTITY = java.util.regex.Pattern.compile(NUMBER
            + "(?:\\s*[–-]\\s*" + NUMBER + ")?(?: ?[µa-zA-ZΩ°%][a-zA-ZΩ²³⁻⁰¹⁴⁵⁶⁷⁸⁹/]{0,5}(?![\\w]))?");

    /** Numbers (alone, as a range, with a unit) align right. */
    private static boolean numeric(String cell) {
        return QUANTITY.matcher(cell.strip()).matches();
    }

    /**
     * A cell's text, escaped, with every number, range and number-with-unit kept on one line: a narrow column
     * broke "0.4810 – 0.8545" after the dash and "-4.70e-02" after its minus sign.
     */
    static String cellHtml(String cell) {
        java.util.regex.Matcher m = QUANTITY.matcher(cell);
        StringBuilder out = new StringBuilder(cell.length() + 32);
        int last = 0;
        while (m.find()) {
            if (m.start() > 0 && Character.isLetterOrDigit(cell.charAt(m.start() - 1))) {
                continue; // a digit inside a word (R_c, 10k, T_LA) is not a number of its own
            }
            out.append(escape(cell.substring(last, m.start()))).append("<span class=\"nw\">")
                    .append(escape(m.group())).append("</span>");
            last = m.end();
        }
        return out.append(escape(cell.substring(last))).toString();
    }

    /**
     * The file's path relative to the page's folder {@code dir}, '/'-separated and percent-encoded, escaped for
     * an attribute. Both are resolved against the working directory first: a report written with
     * {@code --out kljn-report} gets {@code kljn-report/x.png} from its callers, and the page must say
     * {@code x.png}, not {@code kljn-report/x.png} (which a browser would look for in kljn-report/kljn-report/).
     */
    static String href(Path dir, Path file) {
        Path rel = dir.toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize());
        String path = rel.toString().replace(java.io.File.separatorChar, '/');
        try {
            return escape(new URI(null, null, path, null).getRawPath());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("cannot link " + file, e);
        }
    }

    /** Text for element content and attribute values; control characters other than tab and newline dropped. */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    private static final String CSS = """
            body { font-family: "DejaVu Sans", "Helvetica Neue", Arial, sans-serif; color: #1a1a1a;
                   max-width: 1100px; margin: 2em auto; padding: 0 1em; line-height: 1.45; }
            h1 { font-size: 1.6em; border-bottom: 2px solid #0072B2; padding-bottom: .3em; }
            h2 { font-size: 1.25em; margin-top: 1.8em; }
            .verdict { background: #f4f8fb; border-left: 4px solid #0072B2; padding: .2em 1em; }
            .verdict h2 { margin-top: .6em; }
            .verdict p.headline { font-weight: bold; font-size: 1.08em; }
            .table-wrap { overflow-x: auto; max-width: 100%; }
            table { border-collapse: collapse; margin: 1em 0 1.6em; font-size: .92em; }
            caption { text-align: left; font-weight: bold; padding-bottom: .4em; }
            th, td { border: 1px solid #c8c8c8; padding: .3em .6em; text-align: left; vertical-align: top; }
            th { background: #eef1f4; }
            td.num { text-align: right; font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace;
                     white-space: nowrap; }
            .nw { white-space: nowrap; }
            tbody tr:nth-child(even) { background: #fafafa; }
            figure { margin: 1.5em 0; }
            figure img { max-width: 100%; height: auto; border: 1px solid #ddd; }
            figcaption { font-size: .92em; color: #333; margin-top: .3em; }
            a.svg { margin-left: .5em; }
            ul.data li { margin: .2em 0; }
            """;
}
