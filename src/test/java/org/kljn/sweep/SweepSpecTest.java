package org.kljn.sweep;

import org.kljn.analysis.exact.BetaRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.kljn.circuit.CablePreset;
import org.kljn.circuit.Resistor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SweepSpecTest {

    static SweepSpec spec(String text) {
        return SweepSpec.parse(text, "t.spec", Path.of("."));
    }

    @Test
    void anEmptySpecIsRefusedInsteadOfRunningADefaultPoint() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> spec("# nothing but a comment\n\n"));
        assertTrue(e.getMessage().contains("t.spec: the spec is empty"), e.getMessage());
    }

    @Test
    void defaultsAreOnePointOfAnalyze() {
        SweepSpec s = spec("# only the default loop\nrl: 1k\n");
        assertEquals(1, s.size());
        SweepPoint p = s.point(0);
        assertEquals(1e3, p.rl());
        assertEquals(1e4, p.rh());
        assertEquals(Resistor.H, p.alice());
        assertEquals("lumped", p.cable());
        assertEquals(100, p.rc());
        assertTrue(Double.isNaN(p.cc()));
        assertEquals(0, p.lc());
        assertEquals(20, p.sections());
        assertEquals(1e9, p.teff());
        assertEquals(1e3, p.bandwidth());
        assertEquals(BetaRule.number(1), p.beta());
        assertEquals(Set.of(Analysis.EXACT), p.analyses());
        assertNull(p.preset());
        assertEquals("rl=1000;rh=10000;alice=H;cable=lumped;rc=100;lc=0;sections=20;teff=1000000000;"
                + "bandwidth=1000;beta=1;bitSamples=1000;bits=100;seed=1", p.key());
        assertEquals(new org.kljn.circuit.LumpedLine(100), p.loop().line());
    }

    @Test
    void gridOrderIsFixedLastDimensionFastest() {
        // Lines deliberately out of grid order: the order of the file does not matter.
        SweepSpec s = spec("""
                beta: 1, eq11, null
                alice: H, L
                rl: 100, 1k
                bandwidth: lin 1k 3k 3
                """);
        assertEquals(2 * 2 * 3 * 3, s.size());
        assertEquals(List.of(100.0, 1e3), s.points().stream().map(SweepPoint::rl).distinct().toList());
        SweepPoint p0 = s.point(0);
        assertEquals(100, p0.rl());
        assertEquals(Resistor.H, p0.alice());
        assertEquals(1e3, p0.bandwidth());
        assertEquals(BetaRule.number(1), p0.beta());
        assertEquals(BetaRule.eq11(), s.point(1).beta());
        assertEquals(BetaRule.nulling(), s.point(2).beta());
        assertEquals(2e3, s.point(3).bandwidth());
        assertEquals(BetaRule.number(1), s.point(3).beta());
        assertEquals(Resistor.L, s.point(9).alice());
        assertEquals(1e3, s.point(18).rl());
        assertEquals(Resistor.H, s.point(18).alice());
        // every index maps to its own values and key
        Set<String> keys = new HashSet<>();
        for (SweepPoint p : s.points()) {
            assertEquals(p, s.point(p.index()));
            keys.add(p.key());
        }
        assertEquals(s.size(), keys.size());
        // the reference decoding: index = ((rl*2 + alice)*3 + bandwidth)*3 + beta
        int i = 0;
        for (double rl : List.of(100.0, 1e3)) {
            for (Resistor a : List.of(Resistor.H, Resistor.L)) {
                for (double bw : List.of(1e3, 2e3, 3e3)) {
                    for (BetaRule b : List.of(BetaRule.number(1), BetaRule.eq11(), BetaRule.nulling())) {
                        SweepPoint p = s.point(i++);
                        assertEquals(List.of(rl, a, bw, b), List.of(p.rl(), p.alice(), p.bandwidth(), p.beta()));
                    }
                }
            }
        }
        assertEquals("t.spec: 36 points (rl 2 x alice 2 x bandwidth 3 x beta 3), analyses exact", s.toString());
    }

    @Test
    void rangesAndKeysAreStableWhenOtherDimensionsGrow() {
        SweepSpec a = spec("rc: log 10 1k 3\n");
        assertEquals(List.of(10.0, 100.0, 1000.0), a.points().stream().map(SweepPoint::rc).toList());
        SweepSpec b = spec("rc: log 10 1k 3\nteff: 1e9, 2e9\n");
        assertEquals(a.point(1).key(), b.point(2).key());
        SweepSpec c = spec("sections: log 1 100 5\n");
        assertEquals(List.of(1, 3, 10, 32, 100), c.points().stream().map(SweepPoint::sections).toList());
        SweepSpec d = spec("beta: 0.5, lin 0.9 1.1 3, eq11\n");
        assertEquals(List.of("0.5", "0.9", "1", "1.1", "eq11"),
                d.points().stream().map(p -> p.beta().toString()).toList());
    }

    @Test
    void theRuleCheckNamesTheFirstPointThatBreaksARule() {
        // 2 sections resolve 1 kHz but not 100 kHz (sqrt(2 pi f R C) = 2.5 there); 10 sections resolve both
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> spec(
                "cable: ladder\ncc: 10n\nrc: 1k\nsections: 2, 10\nbandwidth: 1k, 100k\n"));
        assertTrue(e.getMessage().startsWith("t.spec:4: sections: 2 sections cannot resolve this line over a band of 100k Hz"),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("(at point 1: rl=1000;rh=10000;alice=H;cable=ladder;rc=1000;cc=1.0e-8;lc=0;"
                + "sections=2;teff=1000000000;bandwidth=100000;beta=1;bitSamples=1000;bits=100;seed=1)"), e.getMessage());
        assertEquals(4, spec("cable: ladder\ncc: 10n\nrc: 1k\nsections: 10, 100\nbandwidth: 1k, 100k\n").size());
    }

    @Test
    void exactOnlySweepTakesTheBitLength() {
        // its predicted_* columns are Eve's success for this bit length (issue 15 item 10)
        SweepSpec s = spec("bitSamples: 100, 2000\n");
        assertEquals(List.of(100, 2000), s.points().stream().map(SweepPoint::bitSamples).toList());
        assertEquals(2000, KljnEvaluator.settings(s.point(1)).bitSamples());
    }

    @Test
    void lengthWithPresetGivesTotals() {
        SweepSpec s = spec("cable: ltra\npreset: cat5, rg58\nlength: 100, 1k\n");
        assertEquals(4, s.size());
        SweepPoint p = s.point(1); // cat5, 1 km
        assertEquals(CablePreset.CAT5, p.preset());
        assertEquals(1000, p.length());
        assertEquals(CablePreset.CAT5.resistance(1000), p.rc(), 1e-12);
        assertEquals(CablePreset.CAT5.capacitance(1000), p.cc(), 1e-24);
        assertEquals(CablePreset.CAT5.inductance(1000), p.lc(), 1e-18);
        assertTrue(p.key().contains("preset=cat5;length=1000;rc=168;"), p.key());
        assertEquals(CablePreset.RG58, s.point(2).preset());
        assertEquals(new org.kljn.circuit.LossyLine(CablePreset.CAT5.resistance(1000), CablePreset.CAT5.inductance(1000), 0,
                CablePreset.CAT5.capacitance(1000)), p.cableSpec().line());
    }

    @Test
    void subcktResolvesAgainstTheSpecFolder(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("cable.lib"), ".subckt mycable a b\nR1 a b 100\n.ends\n");
        Path specFile = dir.resolve("s.spec");
        Files.writeString(specFile, "cable: subckt\nsubckt: cable.lib mycable\nbeta: 1\n");
        SweepPoint p = SweepSpec.read(specFile).point(0);
        assertEquals("cable.lib", p.subckt().file());
        assertEquals(dir.resolve("cable.lib").toAbsolutePath().normalize(), p.subckt().path());
        assertTrue(p.key().contains("subckt=cable.lib;subcktName=mycable"), p.key());
        assertEquals("mycable", ((org.kljn.circuit.UserSubcircuit) p.cableSpec().line()).name());
    }

    @Test
    void exampleSpecsParse() throws Exception {
        SweepSpec lengths = SweepSpec.read(Path.of("netlists/sweep-lengths.spec"));
        assertEquals(42, lengths.size());
        assertEquals(10, lengths.point(0).length());
        assertEquals(10_000, lengths.point(41).length());
        SweepSpec beta = SweepSpec.read(Path.of("netlists/sweep-beta.spec"));
        assertEquals(264, beta.size());
        assertEquals(Set.of(Analysis.EXACT, Analysis.ATTACK), beta.analyses());
        assertEquals(2000, beta.point(0).bitSamples());
    }

    static Stream<Arguments> badSpecs() {
        String sn = "use a decimal number with an optional SPICE suffix";
        return Stream.of(
                Arguments.of("rl: 1k\nfoo: 3\n", "t.spec:2: unknown key 'foo'; allowed: rl, rh, alice, cable"),
                Arguments.of("rl 1k\n", "t.spec:1: expected 'key: value', got 'rl 1k'"),
                // issue 22 item 5: the resistance rules name the spec line (they escaped as '--rh:' / '--rc:')
                Arguments.of("rl: 1\nrh: 1e5\n", "t.spec:2: rh: R_H/R_L = 100000 (R_L = 1 ohm, R_H = 100000 ohm):"
                        + " allowed at most 1000"),
                Arguments.of("rc: 1e12\n", "t.spec:1: rc: the loop's resistances R_L = 1000 ohm, R_H = 10000 ohm, R_c ="
                        + " 1000000000000 ohm span a ratio of 1000000000: allowed at most 1000000"),
                Arguments.of("rl: 1k\nrl: 2k\n", "t.spec:2: rl: given twice (first on line 1)"),
                Arguments.of("rh: 10x\n", "t.spec:1: rh: cannot read '10x' as a number; " + sn),
                Arguments.of("rl:\n", "t.spec:1: rl: empty value; give a value, a list"),
                Arguments.of("rl:   # only a comment\n", "t.spec:1: rl: empty value"),
                Arguments.of("rl: 1k, , 2k\n", "t.spec:1: rl: empty list item in '1k, , 2k'"),
                Arguments.of("rl: 1k 2k\n", "t.spec:1: rl: '1k 2k' is not one value; separate list items with commas"),
                Arguments.of("rl: -1k\n", "t.spec:1: rl: must be > 0, got '-1k'"),
                Arguments.of("rl: 1k, 1000\n", "t.spec:1: rl: the value 1000 appears twice in '1k, 1000'"),
                Arguments.of("rl: 1k\nrh: 500\n", "t.spec:1: rl: every rl must be below every rh"),
                Arguments.of("rc: lin 1 10 0\n", "t.spec:1: rc: range COUNT must be an integer >= 1, got '0'"),
                Arguments.of("rc: lin 1 10 2.5\n", "t.spec:1: rc: range COUNT must be an integer >= 1, got '2.5'"),
                Arguments.of("rc: lin 1 10\n", "t.spec:1: rc: a range is 'lin|log START STOP COUNT', got 'lin 1 10'"),
                Arguments.of("rc: log 0 10 3\n", "t.spec:1: rc: a log range needs START > 0 and STOP > 0, got 'log 0 10 3'"),
                Arguments.of("rc: log -1 10 3\n", "t.spec:1: rc: a log range needs START > 0 and STOP > 0"),
                Arguments.of("rc: lin 1 10 1\n", "t.spec:1: rc: a range of COUNT 1 needs START = STOP"),
                Arguments.of("rc: lin -5 5 3\n", "t.spec:1: rc: must be >= 0, got 'lin -5 5 3' (gives -5)"),
                Arguments.of("cable: coax\n", "t.spec:1: cable: unknown cable model 'coax'; allowed: lumped, ladder, urc, ltra, subckt"),
                Arguments.of("alice: X\n", "t.spec:1: alice: unknown value 'X'; allowed: H, L"),
                Arguments.of("analyses: exact, montecarlo\n", "t.spec:1: analyses: unknown analysis 'montecarlo'; allowed: exact, attack"),
                Arguments.of("analyses: exact, exact\n", "t.spec:1: analyses: the value exact appears twice"),
                Arguments.of("beta: 0\n", "t.spec:1: beta: '0' is out of range: allowed a number 0 < β <= 1000, or one of eq11, null, minimax"),
                Arguments.of("beta: best\n", "t.spec:1: beta: cannot read 'best': allowed a number 0 < β <= 1000, or one of eq11, null, minimax"),
                Arguments.of("beta: eq11, EQ11\n", "t.spec:1: beta: the value eq11 appears twice"),
                Arguments.of("sections: 2.5\n", "t.spec:1: sections: must be an integer, got '2.5'"),
                Arguments.of("sections: 0\n", "t.spec:1: sections: must be an integer from 1 to 2147483647, got '0'"),
                Arguments.of("sections: lin 1 2 4\n", "t.spec:1: sections: the value 1 appears twice"),
                Arguments.of("cable: ltra\n", "t.spec:1: cable: cable ltra needs cc (total C_c), or length with a preset"),
                Arguments.of("cable: ladder\ncc: 1n\nrc: 0, 10\n", "t.spec:3: rc: 0 is allowed only for a lumped cable"),
                Arguments.of("cable: subckt\n", "t.spec:1: cable: cable subckt needs 'subckt: FILE NAME'"),
                Arguments.of("subckt: a.lib x\n", "t.spec:1: subckt: cannot read file 'a.lib'"),
                Arguments.of("length: 100\n", "t.spec:1: length: needs a preset for the per-km values; add 'preset: NAME' with NAME one of cat5, telephone, rg58"),
                Arguments.of("preset: cat5\n", "t.spec:1: preset: needs a length; add 'length: METRES'"),
                Arguments.of("preset: cat7\nlength: 1\n", "t.spec:1: preset: unknown cable preset 'cat7'; allowed: cat5, telephone, rg58"),
                Arguments.of("preset: cat5\nlength: 1k\nrc: 5\n", "t.spec:3: rc: conflicts with length on line 2"),
                Arguments.of("bits: 10\n", "t.spec:1: bits: is used only by the attack analysis; add attack to 'analyses'"),
                Arguments.of("cable: ltra\npreset: cat5\nlength: log 100m 5k 8\n", "t.spec:3: length: '100m': lengths are in metres: write 100"),
                Arguments.of("analyses: attack\nseed: -1\n", "t.spec:2: seed: must be an integer from 0 to"),
                Arguments.of("bitDuration: 0.0101\n", "t.spec:1: bitDuration: the bit duration τ 0.0101 s: allowed a"
                        + " whole number of Nyquist intervals 1/(2 bandwidth) = 0.000500000 s (this is 20.2000 of them)"),
                Arguments.of("bitSamples: 20\nbitDuration: 0.01\n", "t.spec:2: bitDuration: conflicts with bitSamples"
                        + " on line 1"),
                Arguments.of("bandwidth: 1k, 2k\nbitDuration: 0.01\n", "t.spec:2: bitDuration: needs a single bandwidth"),
                Arguments.of("rl: lin 1 2 4000\nrh: lin 3 4 4000\n", "t.spec: the grid has more than 10000000 points (rl 4000 x rh 4000)"),
                // Eve's floors and ξ: the limits are EveInstrument's and KeyRate's, as for analyze's options
                Arguments.of("analyses: exact, key_rate\neveNoiseVoltage: 0\n", "t.spec:2: eveNoiseVoltage: Eve's"
                        + " voltage-channel noise floor N_V 0 V^2/Hz: allowed 1.0e-30 to 1.0e-6 V^2/Hz"),
                Arguments.of("analyses: exact, key_rate\neveNoiseVoltage: -1e-18\n", "t.spec:2: eveNoiseVoltage: Eve's"
                        + " voltage-channel noise floor N_V -1.0e-18 V^2/Hz: allowed 1.0e-30 to 1.0e-6 V^2/Hz"),
                Arguments.of("analyses: exact, key_rate\neveNoiseCurrent: log 1e-20 1e-11 4\n", "t.spec:2:"
                        + " eveNoiseCurrent: Eve's current-channel noise floor N_I 1.0e-11 A^2/Hz: allowed 1.0e-36 to"
                        + " 1.0e-12 A^2/Hz"),
                Arguments.of("analyses: exact, key_rate\nreconciliation: 1.5\n", "t.spec:2: reconciliation: the"
                        + " reconciliation efficiency ξ 1.5: allowed (0, 1]"),
                Arguments.of("eveNoiseVoltage: 1e-16\n", "t.spec:1: eveNoiseVoltage: is used only by Eve's window"
                        + " likelihood ratio (the key_rate analysis and the rows whose beta is optimal)"),
                Arguments.of("beta: optimal\nreconciliation: 0.9\n", "t.spec:2: reconciliation: is used only by the"
                        + " key_rate analysis; add key_rate to 'analyses'"));
    }

    /**
     * Eve's floors and ξ reach the point, its analysis settings and its CSV cells and key; a spec without them has
     * no such columns and the default instrument (the columns of every sweep written before stay as they were).
     */
    @Test
    void eveInstrumentAndReconciliationAreGridDimensionsWithTheirOwnColumns() {
        SweepSpec s = spec("beta: 1, optimal\neveNoiseVoltage: 1e-16, 1e-14\nreconciliation: 0.95\n"
                + "analyses: exact, key_rate\n");
        assertEquals(4, s.size());
        SweepPoint p = s.point(3); // beta optimal, N_V 1e-14: the instrument dimension varies fastest
        assertEquals(new org.kljn.analysis.eavesdropper.EveInstrument(1e-14,
                org.kljn.analysis.eavesdropper.EveInstrument.DEFAULT_CURRENT_NOISE), p.eveInstrument());
        assertEquals(p.eveInstrument(), KljnEvaluator.settings(p).eveInstrument());
        assertEquals(0.95, p.reconciliationEfficiency());
        List<String> columns = s.parameterColumns();
        assertEquals(List.of("seed", "eveNoiseVoltage", "eveNoiseCurrent", "reconciliation"),
                columns.subList(columns.size() - 4, columns.size()));
        assertEquals(List.of("1.0e-14", "1.0e-24", "0.95"), p.parameterCells().subList(columns.size() - 3,
                columns.size()));
        assertTrue(p.key().endsWith(";seed=1;eveNoiseVoltage=1.0e-14;eveNoiseCurrent=1.0e-24;reconciliation=0.95"),
                p.key());

        SweepSpec plain = spec("beta: 1, optimal\nanalyses: exact, key_rate\n");
        assertEquals(SweepPoint.PARAMETER_COLUMNS, plain.parameterColumns());
        assertEquals(org.kljn.analysis.eavesdropper.EveInstrument.defaults(), plain.point(1).eveInstrument());
        assertEquals(1, plain.point(1).reconciliationEfficiency());
        assertTrue(plain.point(1).key().endsWith(";seed=1"), plain.point(1).key());
        assertTrue(!plain.fingerprint().equals(s.fingerprint()));
    }

    /** bitDuration in seconds becomes the bitSamples dimension: M = 2Δfτ. */
    @Test
    void bitDurationGivesTheBitSamples() {
        SweepSpec s = spec("bandwidth: 2k\nbitDuration: 0.01, 0.025\n");
        assertEquals(2, s.size());
        assertEquals(40, s.point(0).bitSamples());
        assertEquals(100, s.point(1).bitSamples());
    }

    @ParameterizedTest
    @MethodSource("badSpecs")
    void badSpecsAreRejectedWithTheLineValueAndWhatIsAllowed(String text, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> spec(text));
        assertTrue(e.getMessage().startsWith(message), () -> "expected a message starting with\n  " + message
                + "\ngot\n  " + e.getMessage());
    }
}
