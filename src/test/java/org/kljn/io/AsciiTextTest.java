package org.kljn.io;

import org.junit.jupiter.api.Test;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class AsciiTextTest {

    @Test
    void asciiSpellsWhatItCannotEncode() {
        assertEquals("4.1x10^-17 V^2/Hz over 500 us, R_c = 12 ohm, beta <= 1.05",
                AsciiText.spell("4.1×10⁻¹⁷ V²/Hz over 500 µs, R_c = 12 Ω, β ≤ 1.05", StandardCharsets.US_ASCII));
        assertEquals("-3 and 10^2 3", AsciiText.spell("−3 and 10² 3", StandardCharsets.US_ASCII));
    }

    @Test
    void aCharacterWithoutSpellingStaysTheCharsetsQuestionMark() {
        assertEquals("a ? b", AsciiText.spell("a ☃ b", StandardCharsets.US_ASCII).replace('☃', '?'));
    }

    @Test
    void utf8IsUntouched() {
        String text = "4.1×10⁻¹⁷ V²/Hz, 500 µs";
        assertEquals(text, AsciiText.spell(text, StandardCharsets.UTF_8));
        StringWriter w = new StringWriter();
        assertSame(w, AsciiText.forCharset(w, StandardCharsets.UTF_8));
    }

    @Test
    void theWriterSpellsEveryWritePath() throws Exception {
        StringWriter w = new StringWriter();
        var ascii = AsciiText.forCharset(w, StandardCharsets.US_ASCII);
        ascii.write("V²/Hz");
        ascii.write('µ');
        ascii.write("×10⁻¹".toCharArray(), 0, 5);
        ascii.flush();
        assertEquals("V^2/Hzux10^-1", w.toString());
    }
}
