package org.kljn.io;

import org.kljn.circuit.SpiceNumbers;


import java.util.ArrayList;
import java.util.List;

/**
 * The one CSV dialect of kljn's files (sweep results, run vectors, report data): comma-separated, RFC 4180 quoting (a cell with a comma or a quote is
 * quoted, quotes doubled), '\n' line ends, UTF-8, and one record per line (line breaks inside a cell are
 * written as spaces), so that a row is whole exactly when its line ends.
 */
public final class Csv {
    private Csv() {
    }

    /** One line, with its '\n'. */
    public static String line(List<String> cells) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            String c = cells.get(i).replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
            if (c.indexOf(',') >= 0 || c.indexOf('"') >= 0) {
                b.append('"').append(c.replace("\"", "\"\"")).append('"');
            } else {
                b.append(c);
            }
        }
        return b.append('\n').toString();
    }

    /**
     * The cells of one line (without its '\n').
     *
     * @throws IllegalArgumentException for an unterminated or misplaced quote
     */
    public static List<String> parse(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        int i = 0;
        int n = line.length();
        while (true) {
            cell.setLength(0);
            if (i < n && line.charAt(i) == '"') {
                i++;
                while (true) {
                    if (i >= n) {
                        throw new IllegalArgumentException("unterminated quoted cell");
                    }
                    char c = line.charAt(i++);
                    if (c == '"') {
                        if (i < n && line.charAt(i) == '"') {
                            cell.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        cell.append(c);
                    }
                }
                if (i < n && line.charAt(i) != ',') {
                    throw new IllegalArgumentException("text after a closing quote at character " + (i + 1));
                }
            } else {
                while (i < n && line.charAt(i) != ',') {
                    char c = line.charAt(i++);
                    if (c == '"') {
                        throw new IllegalArgumentException("quote inside an unquoted cell at character " + i);
                    }
                    cell.append(c);
                }
            }
            cells.add(cell.toString());
            if (i >= n) {
                return cells;
            }
            i++; // the comma
        }
    }

    /**
     * A result value as a cell: null is empty; doubles in the shortest exact form (integral values without
     * ".0", NaN and ±Infinity spelled out), other numbers and booleans by {@code toString}, enums by name.
     */
    public static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            return Double.isFinite(d) ? SpiceNumbers.format(d) : Double.toString(d);
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        return value.toString();
    }

    /** One line of plain values (numbers by {@link #cell}), with its '\n'. */
    public static String row(Object... values) {
        List<String> cells = new ArrayList<>(values.length);
        for (Object v : values) {
            cells.add(cell(v));
        }
        return line(cells);
    }
}
