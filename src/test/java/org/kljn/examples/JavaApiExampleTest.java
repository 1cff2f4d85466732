package org.kljn.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.kljn.cli.Main;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The README's Java API example compiles, runs, and prints the β nulls {@code kljn analyze --json} gives. */
class JavaApiExampleTest {

    @Test
    void exampleAgreesWithAnalyzeJson() throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
            LoopAnalysisExample.main(new String[0]);
        } finally {
            System.setOut(original);
        }
        assertAgreesWithAnalyzeJson(buffer.toString(StandardCharsets.UTF_8));
    }

    /**
     * The example's output, {@code printedText}, gives the β nulls, eq. 11's β and the minimax β of
     * {@code kljn analyze --json} on the same loop (also used by {@link InstalledLibraryIT}).
     */
    static void assertAgreesWithAnalyzeJson(String printedText) throws Exception {
        Map<String, String> printed = new LinkedHashMap<>();
        for (String line : printedText.split("\n")) {
            int colon = line.lastIndexOf(": ");
            if (colon > 0) {
                printed.put(line.substring(0, colon), line.substring(colon + 2).strip());
            }
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        picocli.CommandLine cl = new picocli.CommandLine(new Main());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        // the β's compared here come from the AC spectra, the same at any bit length (the example analyses bits of
        // 1000 Nyquist samples): a bit of 20 keeps the command's finite-bit part and its defences cheap
        int status = cl.execute("analyze", "--cable", "ltra", "--preset", "cat5", "--length", "2k", "--bandwidth", "500",
                "--beta", "eq11", "--bit-samples", "20", "--json");
        assertEquals(0, status, err.toString());
        JsonNode j = new ObjectMapper().readTree(out.toString());
        // the example prints 9 significant digits: agreement to 5e-9 relative
        assertEquals(j.get("betaEq11").asDouble(), Double.parseDouble(printed.get("beta of eq. 11")),
                5e-9 * j.get("betaEq11").asDouble());
        for (String a : new String[] {"bsy", "secondLaw", "current"}) {
            JsonNode n = j.get("attacks").get(a).get("betaNull");
            String p = printed.get("beta null " + a);
            assertTrue(p != null, "the example prints the " + a + " null: " + printed);
            if (n.isNull()) {
                assertEquals("none", p);
            } else {
                assertEquals(n.asDouble(), Double.parseDouble(p), 5e-9 * n.asDouble(), a);
            }
        }
        assertEquals(j.get("eve").get("betaMinimax").asDouble(), Double.parseDouble(printed.get("minimax beta")),
                5e-9 * j.get("eve").get("betaMinimax").asDouble());
    }
}
