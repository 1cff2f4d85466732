package org.kljn.circuit;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one cable factory and its rules (issue 11, issue 15 items 2-3), without ngspice. */
class CableSpecTest {

    @Test
    void eachKindBuildsItsModelWithItsOwnDefaults() {
        assertEquals(new LumpedLine(100), CableSpec.lumped(100).line());
        assertEquals(new RcLadder(100, 1e-7, 20), CableSpec.of(CableKind.LADDER, 100, 1e-7, Double.NaN, 0).line());
        assertEquals(new UniformRcLine(100, 1e-7, UniformRcLine.DEFAULT_LUMPS),
                CableSpec.of(CableKind.URC, 100, 1e-7, Double.NaN, 0).line());
        assertEquals(new LossyLine(100, 0, 0, 1e-7), CableSpec.of(CableKind.LTRA, 100, 1e-7, Double.NaN, 0).line());
        assertEquals(new RcLadder(100, 1e-7, 7), CableSpec.of(CableKind.LADDER, 100, 1e-7, Double.NaN, 7).line());
        // a preset's totals: 2 km of Cat5 as the exact line keeps R, L and C
        assertEquals(new LossyLine(336, 1.04e-3, 0, 104e-9),
                CableSpec.preset(CableKind.LTRA, CablePreset.CAT5, 2000, 0).line());
        // chosen knowingly, the lumped model takes the preset's R_c alone
        assertEquals(new LumpedLine(336), CableSpec.preset(CableKind.LUMPED, CablePreset.CAT5, 2000, 0).line());
        assertEquals("2000 m of cat5 cable", CableSpec.preset(CableKind.LTRA, CablePreset.CAT5, 2000, 0).origin());
    }

    @Test
    void aValueNoChosenModelUsesIsRefusedNamingTheChoice() {
        ParameterException preset = assertThrows(ParameterException.class,
                () -> CableSpec.preset(null, CablePreset.TELEPHONE, 500, 0).line());
        assertEquals(Parameter.CABLE_MODEL, preset.parameter());
        assertTrue(preset.getMessage().contains("500 m of telephone cable has C_c = 25nF")
                && preset.getMessage().contains("choose the line model: ltra"), preset.getMessage());
        ParameterException cc = assertThrows(ParameterException.class,
                () -> CableSpec.of(CableKind.LUMPED, 100, 1e-7, Double.NaN, 0).line());
        assertEquals(Parameter.CABLE_CAPACITANCE, cc.parameter());
        ParameterException lc = assertThrows(ParameterException.class,
                () -> CableSpec.of(CableKind.LADDER, 100, 1e-7, 1e-3, 0).line());
        assertEquals(Parameter.CABLE_INDUCTANCE, lc.parameter());
        ParameterException subckt = assertThrows(ParameterException.class,
                () -> CableSpec.of(CableKind.LTRA, 100, 1e-7, Double.NaN, 0).withSubcircuit(Path.of("x.lib"), "x").line());
        assertEquals(Parameter.CABLE_MODEL, subckt.parameter());
        assertTrue(subckt.getMessage().contains("choose subckt"), subckt.getMessage());
        // no model chosen and nothing to drop: the paper's lumped line; a subcircuit chooses subckt
        assertEquals(CableKind.LUMPED, CableSpec.of(null, 100, Double.NaN, Double.NaN, 0).resolvedKind());
        assertEquals(CableKind.SUBCKT, CableSpec.of(null, 100, Double.NaN, Double.NaN, 0)
                .withSubcircuit(Path.of("x.lib"), "x").resolvedKind());
    }

    @Test
    void lengthsRefuseTheMilliSuffixWithAHint() {
        assertEquals(2000, SpiceNumbers.parseLength("--length", "2k"));
        assertEquals(500, SpiceNumbers.parseLength("--length", "500"));
        for (String bad : new String[] {"500m", "2mil", "3u"}) {
            ParameterException e = assertThrows(ParameterException.class, () -> SpiceNumbers.parseLength("--length", bad));
            assertTrue(e.getMessage().contains("lengths are in metres: write " + bad.replaceAll("[a-z]+$", "")),
                    e.getMessage());
        }
    }

    @Test
    void aBandTooWideForTheSectionsIsRefusedWithTheSectionsNeeded() {
        LineModel coarse = CableSpec.of(CableKind.LADDER, 1e3, 1e-5, Double.NaN, 2).line();
        ParameterException e = assertThrows(ParameterException.class, () -> coarse.checkResolves(1e5));
        assertEquals(Parameter.SECTIONS, e.parameter());
        // sqrt(2 pi 1e5 1e3 1e-5) = 79.3: 80 sections
        assertTrue(e.getMessage().contains("use 80 sections or more"), e.getMessage());
        CableSpec.of(CableKind.LADDER, 1e3, 1e-5, Double.NaN, 80).line().checkResolves(1e5);
    }
}
