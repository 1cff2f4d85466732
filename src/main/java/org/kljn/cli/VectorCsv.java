package org.kljn.cli;

import org.kljn.ngspice.SpiceVector;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * One plot's vectors as CSV: a header row, then one row per point. A complex vector becomes two
 * columns, {@code name.re} and {@code name.im}; a shorter vector leaves its cells empty.
 */
final class VectorCsv {
    private VectorCsv() {
    }

    static void write(Writer out, List<SpiceVector> vectors) throws IOException {
        List<String> header = new java.util.ArrayList<>();
        int rows = 0;
        for (SpiceVector v : vectors) {
            if (v.isComplex()) {
                header.add(v.name() + ".re");
                header.add(v.name() + ".im");
            } else {
                header.add(v.name());
            }
            rows = Math.max(rows, v.length());
        }
        out.write(org.kljn.io.Csv.line(header));
        StringBuilder row = new StringBuilder();
        for (int i = 0; i < rows; i++) {
            row.setLength(0);
            for (int k = 0; k < vectors.size(); k++) {
                SpiceVector v = vectors.get(k);
                if (k > 0) {
                    row.append(',');
                }
                if (i < v.length()) {
                    row.append(format(v.real(i)));
                    if (v.isComplex()) {
                        row.append(',').append(format(v.imag(i)));
                    }
                } else if (v.isComplex()) {
                    row.append(',');
                }
            }
            out.write(row.append('\n').toString());
        }
    }

    /** Shortest text that reads back to the same double, locale-independent. */
    static String format(double x) {
        return Double.toString(x);
    }
}
