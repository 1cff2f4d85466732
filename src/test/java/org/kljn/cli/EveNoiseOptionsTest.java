package org.kljn.cli;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A bad instrument floor on the command line: non-zero exit and an error naming the option and the value. */
class EveNoiseOptionsTest {
    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource({"analyze, --eve-noise-voltage, -1e-18", "analyze, --eve-noise-voltage, 0",
            "analyze, --eve-noise-current, nan", "defend, --eve-noise-current, 1", "defend, --eve-noise-voltage, 1e-40",
            "analyze, --eve-noise-current, abc", "attack, --eve-noise-voltage, -1", "attack, --eve-noise-current, 1e-3"})
    void badFloorIsRefusedNamingTheOption(String command, String option, String value) {
        RunCommandTest.Result r = RunCommandTest.kljn(command, "--bit-samples", "20", option, value);
        assertNotEquals(0, r.status(), r.err());
        assertTrue(r.err().contains(option), r.err());
        assertTrue(r.err().contains("allowed") || r.err().toLowerCase().contains("number"), r.err());
    }
}
