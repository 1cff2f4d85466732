package org.kljn.output;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A text table of result records: each column a heading, a {@link java.util.Formatter} format for its cells and
 * the record's value; the heading is printed in the cell's width and alignment, so a column is written once and its
 * heading cannot drift from its cells.
 *
 * @param <R> the row record
 */
public final class TextTable<R> {
    private static final Pattern WIDTH = Pattern.compile("%(-?\\d*)(\\.\\d+)?[a-zA-Z]");

    /** One column: its heading, the separator before it, its cell format and the row's value. */
    private record Column<R>(String heading, String separator, String format, Function<R, ?> value) {
        /** The heading's format: the cell format's flags and width, as a string ({@code %-10.6g} gives {@code %-10s}). */
        String headingFormat() {
            Matcher m = WIDTH.matcher(format);
            if (!m.find()) {
                throw new IllegalArgumentException("column '" + heading + "': no conversion in format " + format);
            }
            return format.substring(0, m.start()) + "%" + m.group(1) + "s" + format.substring(m.end());
        }
    }

    private final List<Column<R>> columns;
    private final Locale locale;

    private TextTable(List<Column<R>> columns, Locale locale) {
        this.columns = List.copyOf(columns);
        this.locale = locale;
    }

    /** An empty table, numbers in {@link Locale#ROOT} (the same digits everywhere); add columns with {@link #column}. */
    public static <R> TextTable<R> of() {
        return new TextTable<>(List.of(), Locale.ROOT);
    }

    /**
     * An empty table whose numbers follow the user's format locale, for the outputs that always did ({@code status});
     * add columns with {@link #column}.
     */
    public static <R> TextTable<R> inDefaultLocale() {
        return new TextTable<>(List.of(), Locale.getDefault(Locale.Category.FORMAT));
    }

    /** This table and one more column, one space after the previous one. */
    public TextTable<R> column(String heading, String format, Function<R, ?> value) {
        return column(heading, columns.isEmpty() ? "" : " ", format, value);
    }

    /** This table and one more column, {@code separator} after the previous one. */
    public TextTable<R> column(String heading, String separator, String format, Function<R, ?> value) {
        List<Column<R>> c = new ArrayList<>(columns);
        c.add(new Column<>(heading, separator, format, value));
        return new TextTable<>(c, locale);
    }

    /** The heading line (no line end). */
    public String heading() {
        return columns.stream().map(c -> c.separator() + String.format(locale, c.headingFormat(), c.heading()))
                .collect(Collectors.joining());
    }

    /** One row (no line end). */
    public String row(R r) {
        return columns.stream().map(c -> c.separator() + String.format(locale, c.format(), c.value().apply(r)))
                .collect(Collectors.joining());
    }

    /** The heading and every row, each ending in a line separator. */
    public void print(PrintWriter out, List<? extends R> rows) {
        out.println(heading());
        rows.forEach(r -> out.println(row(r)));
    }
}
