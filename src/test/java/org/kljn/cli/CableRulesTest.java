package org.kljn.cli;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 15 items 2-4 through the command line: a line model the user's values do not fit is refused, naming the option
 * and what to write instead. That the model chosen then runs and says so is {@code CableRulesIT}.
 */
class CableRulesTest {

    @Test
    void aSubcircuitRefusesAnotherModel() {
        RunCommandTest.Result other = RunCommandTest.kljn("analyze", "--cable", "ltra", "--cc", "10n", "--subckt",
                "netlists/twisted-pair.lib", "--subckt-name", "twisted_pair");
        assertEquals(1, other.status());
        assertTrue(other.err().contains("--cable: a subcircuit is given, but the cable model is ltra"), other.err());
    }

    @Test
    void aPresetNeedsAModelThatUsesItsCapacitanceAndLengthsAreInMetres() {
        RunCommandTest.Result dropped = RunCommandTest.kljn("analyze", "--preset", "telephone", "--length", "500");
        assertEquals(1, dropped.status());
        assertTrue(dropped.err().contains("--cable: 500 m of telephone cable has C_c = 25nF and L_c = 300uH, which the"
                + " default lumped model (R_c alone) would drop; choose the line model"), dropped.err());
        RunCommandTest.Result milli = RunCommandTest.kljn("analyze", "--cable", "ltra", "--preset", "telephone",
                "--length", "500m");
        assertEquals(1, milli.status());
        assertTrue(milli.err().contains("--length: '500m': lengths are in metres: write 500"), milli.err());
    }
}
