package org.kljn.output;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The output layer's rules, on small records with the expected text written out: the JSON keys in the components'
 * order, a {@code NON_NULL} component left out when absent and every other null written, a keyed map placed where
 * {@code @JsonPropertyOrder} puts it, the lengths beyond a grid as null and "all", non-ASCII escaped on standard
 * output only; and a text table's headings in their cells' widths.
 */
class OutputLayerTest {
    record Inner(double x, @JsonInclude(JsonInclude.Include.NON_NULL) Double optional, Double always) {
    }

    @JsonPropertyOrder({"first", "keyed", "last"})
    record Outer(String first, @JsonAnyGetter Map<String, Inner> keyed, List<GridLength> last) {
    }

    @Test
    void jsonFollowsTheRecordsOrderAndInclusionRules() {
        Map<String, Inner> keyed = new LinkedHashMap<>();
        keyed.put("b", new Inner(1.5, null, null));
        keyed.put("a", new Inner(-2e-12, 3.0, 4.0));
        Outer o = new Outer("V²", keyed, GridLength.of(new double[] {Double.NaN, 10, Double.POSITIVE_INFINITY}));
        String expected = """
                {
                  "first" : "V²",
                  "b" : {
                    "x" : 1.5,
                    "always" : null
                  },
                  "a" : {
                    "x" : -2.0E-12,
                    "optional" : 3.0,
                    "always" : 4.0
                  },
                  "last" : [ null, 10.0, "all" ]
                }""";
        assertEquals(expected, JsonOutput.file(o));
        assertEquals(expected.replace("V²", "V\\u00B2"), JsonOutput.ascii(o));
    }

    record Row(String name, double value, int count) {
    }

    @Test
    void tableHeadingsTakeTheirCellsWidthAndAlignment() {
        TextTable<Row> table = TextTable.<Row>of().column("name", "%-6s", Row::name)
                .column("value", "%10.3e", Row::value).column("n", "%4d", Row::count)
                .column("", "", "%s", r -> r.count() > 1 ? "  several" : "");
        StringWriter text = new StringWriter();
        try (PrintWriter out = new PrintWriter(text)) {
            table.print(out, List.of(new Row("bsy", 1.25e-3, 1), new Row("current", -4, 12)));
        }
        String n = System.lineSeparator();
        assertEquals("name        value    n" + n
                + "bsy     1.250e-03    1" + n
                + "current -4.000e+00   12  several" + n, text.toString());
    }
}
