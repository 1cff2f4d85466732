package org.kljn.cli;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The accepted ranges of issue 22 item 5: just outside a range the value is refused naming the option, in every
 * command (more in {@code BadInputTest}); that the answer is right at each end of the range is {@code RangesIT}.
 */
class RangesTest {

    /** R_H/R_L above 1000 (β's range): refused in every command, naming --rh, the ratio and the limit. */
    @ParameterizedTest
    @ValueSource(strings = {"analyze --rl 1 --rh 1e5 --rc 1e5 --beta optimal", "defend --rl 1e-3 --rh 1e15 --rc 100",
            "analyze --rl 1 --rh 1001", "attack --rl 10 --rh 1e5 --bits 10", "crosscheck --rl 1 --rh 2e3"})
    void aResistorRatioBeyondBetasRangeIsRefused(String command) {
        RunCommandTest.Result r = RunCommandTest.kljn(command.split(" "));
        assertEquals(1, r.status(), command + ": " + r.out() + r.err());
        assertTrue(r.err().startsWith("kljn: --rh: R_H/R_L = ") && r.err().contains("allowed at most 1000"),
                command + ": " + r.err());
        assertTrue(r.out().isEmpty(), command + ": nothing computed: " + r.out());
    }

    /** Just outside the span: refused naming the option, the values and the allowed span, in every command. */
    @ParameterizedTest
    @ValueSource(strings = {"analyze --rl 1 --rh 10 --rc 1e12 | --rc",
            "defend --rc 1e15 | --rc", "analyze --rc 1e-3 | --rc", "analyze --rl 1 --rh 1e3 --rc 2e6 | --rc",
            "attack --rc 2e9 --bits 10 | --rc", "crosscheck --rl 1e3 --rh 1e6 --rc 1e-3 | --rc"})
    void beyondTheResistanceSpanEveryCommandRefuses(String row) {
        String[] parts = row.split(" \\| ");
        RunCommandTest.Result r = RunCommandTest.kljn(parts[0].split(" "));
        assertEquals(1, r.status(), row + ": " + r.out() + r.err());
        assertTrue(r.err().startsWith("kljn: " + parts[1] + ": the loop's resistances R_L = ")
                && r.err().contains("allowed at most 1000000 between the largest and the smallest"), row + ": " + r.err());
        assertTrue(r.out().isEmpty(), row + ": nothing computed: " + r.out());
    }
}
