package org.kljn.analysis.montecarlo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kljn.analysis.exact.Attack;
import org.kljn.circuit.LineModel;
import org.kljn.circuit.LossyLine;
import org.kljn.circuit.Parameter;
import org.kljn.circuit.ParameterException;
import org.kljn.circuit.ResistorPair;
import org.kljn.circuit.UniformRcLine;
import org.kljn.circuit.UserSubcircuit;
import org.kljn.ngspice.NgSpice;
import org.kljn.ngspice.NgSpicePool;
import org.kljn.testing.NgSpiceExtension;
import org.junit.jupiter.api.function.Executable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Which line models may run a transient (issue 22 item 0): the accuracy bound is derived for lumped linear elements
 * under the trapezoidal rule, so LTRA (a convolution model, measured biased) and user subcircuits with sources,
 * transmission lines or nonlinear elements are refused, with a message naming the option, in every path that runs
 * a transient; the URC (lumped R and C sections) and lumped R, L, C subcircuits pass. Their transients are shown
 * unbiased by {@code LineModelTransientIT}.
 */
@ExtendWith(NgSpiceExtension.class)
class TransientLineModelsTest {
    @NgSpiceExtension.Session
    static NgSpice spice;

    private static final ResistorPair PAIR = new ResistorPair(4.7e3, 39e3);
    private static final LineModel RC_LTRA = new LossyLine(1.2e3, 0, 0, 60e-9);

    private static BitExchangeSettings settings(LineModel line) {
        return BitExchangeSettings.builder(PAIR, line).tEff(1e9).beta(1).bandwidth(400).bitSamples(50).bits(10)
                .seed(31).accuracy(AccuracyGoal.MOMENTS).build();
    }

    private static void assertRefusesLtra(Executable run) {
        ParameterException e = assertThrows(ParameterException.class, run);
        assertEquals(Parameter.CABLE_MODEL, e.parameter());
        assertTrue(e.getMessage().contains("the ltra model cannot run bit exchanges")
                && e.getMessage().contains("--cable ladder --sections N"), e.getMessage());
    }

    /** Every Java entry that runs a transient refuses an RC LTRA line before it runs anything. */
    @Test
    void everyTransientEntryRefusesLtra() {
        assertRefusesLtra(() -> BitExchangeSimulation.run(spice, settings(RC_LTRA), i -> { }));
        assertRefusesLtra(() -> BitExchange.run(spice, settings(RC_LTRA), i -> { }));
        try (NgSpicePool pool = NgSpicePool.of(1)) {
            assertRefusesLtra(() -> BitExchangeSimulation.run(pool, settings(RC_LTRA), i -> { }));
            assertRefusesLtra(() -> BitExchange.run(pool, settings(RC_LTRA), i -> { }));
            assertRefusesLtra(() -> NullConfirmation.confirm(pool, PAIR, RC_LTRA, 1e9, 400, Attack.CURRENT, Double.NaN,
                    50, 10, 31));
            assertRefusesLtra(() -> NullConfirmation.confirmAt(pool, PAIR, RC_LTRA, 1e9, 400, Attack.CURRENT, 1,
                    Double.NaN, 50, 10, 31, 0));
        }
        // an RLC LTRA line too (ngspice 39.3 fails on it in a transient)
        assertRefusesLtra(() -> BitExchange.check(new LossyLine(168, 0.52e-3, 0, 52e-9), 100, 10));
        // the URC (lumped R and C sections) passes the same rule
        assertDoesNotThrow(() -> BitExchange.check(new UniformRcLine(1.2e3, 60e-9, 16), 100, 10));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "sine source      | V1 m b sin(0 1 100)        | an independent source with a value",
            "dc source        | V1 m b dc 1                | an independent source with a value",
            "ac source        | V1 m b dc 0 ac 1           | an independent source with a value",
            "current source   | I1 m b 1m                  | an independent source with a value",
            "external source  | V1 m b external            | an independent source with a value",
            "ltra             | O1 m 0 b 0 lm              | a transmission-line element",
            "lossless line    | T1 m 0 b 0 z0=50 td=1u     | a transmission-line element",
            "diode            | D1 m b dmod                | a nonlinear, behavioural or switch element",
            "behavioural      | B1 m b v=v(m)*2            | a nonlinear, behavioural or switch element",
            "poly source      | E1 m b poly(1) m 0 0 1     | not a plain linear gain",
            "include          | .include other.lib         | the command .include",
            "options          | .options method=gear       | the command .options",
            "control block    | .control                   | the command .control",
            "unknown call     | X1 m b elsewhere           | subcircuit elsewhere is not defined in the file"})
    void aSubcircuitOutsideTheBoundIsRefusedForTransients(String what, String element, String says,
            @TempDir Path dir) throws IOException {
        Path file = dir.resolve("line.lib");
        Files.write(file, List.of("* " + what, ".subckt cable a b", "R1 a m 100", element, "R2 m b 100", ".ends cable"));
        UserSubcircuit line;
        try {
            line = UserSubcircuit.read(file, "cable");
        } catch (ParameterException refusedForEveryUse) {
            // a line-model file holds circuit elements only (LineModelText): commands, EXTERNAL sources and elements
            // outside its allow-list are refused when the file is read, for every analysis, naming file and line
            assertEquals(Parameter.SUBCIRCUIT_FILE, refusedForEveryUse.parameter());
            assertTrue(refusedForEveryUse.getMessage().contains(file + " line 4"), refusedForEveryUse.getMessage());
            return;
        }
        ParameterException e = assertThrows(ParameterException.class, line::checkTransientCapable);
        assertEquals(Parameter.SUBCIRCUIT_FILE, e.parameter());
        assertTrue(e.getMessage().contains(file + " line 4 '" + element + "'") && e.getMessage().contains(says)
                && e.getMessage().contains("cannot run bit exchanges"), e.getMessage());
        // the Java entry refuses it before anything runs
        assertThrows(ParameterException.class, () -> BitExchangeSimulation.run(spice, settings(line), i -> { }));
    }

    /** An element outside every subcircuit would join the top-level circuit: it is checked too. */
    @Test
    void aSourceOutsideTheSubcircuitIsRefused(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("line.lib");
        Files.write(file, List.of(".subckt cable a b", "R1 a b 100", ".ends", "Vx a 0 sin(0 1 1k)"));
        ParameterException e = assertThrows(ParameterException.class,
                UserSubcircuit.read(file, "cable")::checkTransientCapable);
        assertTrue(e.getMessage().contains("line 4 'Vx a 0 sin(0 1 1k)'"), e.getMessage());
    }

    /** Lumped R, L, C, K, URC, linear controlled sources, 0 V ammeters and nested calls pass; comments are skipped. */
    @Test
    void lumpedLinearSubcircuitsPass(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("line.lib");
        Files.write(file, List.of("* a lumped RLC line with what a careful user adds",
                ".subckt cable a b",
                "R1 a m1 50 ; series resistance",
                "L1 m1 m2 10m",
                "L2 m2 m3 10m",
                "K1 L1 L2 0.5",
                "Vmeter m3 m4 dc 0",
                "Xsec m4 b section",
                "E1 e 0 m4 0 2",
                "Re e 0 1k",
                "U1 a n 0 urcm l=1 n=4",
                "Rn n 0 1meg",
                "+ ",
                ".ends cable",
                ".subckt section p q",
                "C1 q 0 10n",
                "R1 p q 50",
                ".ends section",
                ".model urcm urc(rperl=100 cperl=1n)",
                "* an unused subcircuit with a behavioural source is not part of the line",
                ".subckt unused x y",
                "B1 x y v=v(x)*2",
                ".ends unused"));
        assertDoesNotThrow(UserSubcircuit.read(file, "cable")::checkTransientCapable);
        assertDoesNotThrow(UserSubcircuit.read(Path.of("netlists/twisted-pair.lib"), "twisted_pair")
                ::checkTransientCapable);
    }
}
