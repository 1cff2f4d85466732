package org.kljn.sweep;

import org.kljn.analysis.eavesdropper.EveInstrument;
import org.kljn.analysis.exact.BetaRule;
import org.kljn.circuit.CableKind;
import org.kljn.circuit.CablePreset;
import org.kljn.circuit.Resistor;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The grid of a sweep: each dimension's values, typed, in grid order, and the points of their Cartesian product.
 * The last dimension varies fastest: point {@code index} takes value {@code index mod n_last} of the last dimension,
 * and so on leftwards. A dimension the spec leaves alone has one value (its default; null or NaN where the point has
 * none, as {@code preset} without {@code length}). The lists may be lazy ({@link LazyValues}): a range of 10^7 values
 * is not stored.
 *
 * @param rc R_c; NaN where the spec gives none (the point takes {@link #DEFAULT_RC} unless its model is a subckt)
 * @param lc L_c; NaN where the spec gives none (the point takes 0 unless its model is a subckt)
 * @param eveNoiseVoltage Eve's voltage floor N_V, V²/Hz; {@code [null]} where the spec gives none
 * @param eveNoiseCurrent Eve's current floor N_I, A²/Hz; {@code [null]} where the spec gives none
 * @param reconciliation  the key rate's reconciliation efficiency ξ; {@code [null]} where the spec gives none
 */
record SweepGrid(List<Double> rl, List<Double> rh, List<Resistor> alice, List<String> cable, List<CablePreset> preset,
                 List<Double> length, List<Double> rc, List<Double> cc, List<Double> lc, List<Integer> sections,
                 List<SubcktRef> subckt, List<Double> teff, List<Double> bandwidth, List<BetaRule> beta,
                 List<Integer> bitSamples, List<Integer> bits, List<Long> seed, List<Double> eveNoiseVoltage,
                 List<Double> eveNoiseCurrent, List<Double> reconciliation) {
    /** R_c when the spec gives none (a subckt point has none: its file is the whole line). */
    static final double DEFAULT_RC = 100;

    /**
     * The dimensions by key, in grid order: what the spec's shape, its fingerprint and the rule check's strides read.
     * The map's keys are the spec's keys, so that a fingerprint stays what it was for a spec written before; the
     * optional dimensions (Eve's instrument, the reconciliation) are in it only when the spec gives them.
     */
    Map<SpecKey, List<?>> dimensions() {
        EnumMap<SpecKey, List<?>> d = new EnumMap<>(SpecKey.class);
        d.put(SpecKey.RL, rl);
        d.put(SpecKey.RH, rh);
        d.put(SpecKey.ALICE, alice);
        d.put(SpecKey.CABLE, cable);
        d.put(SpecKey.PRESET, preset);
        d.put(SpecKey.LENGTH, length);
        d.put(SpecKey.RC, rc);
        d.put(SpecKey.CC, cc);
        d.put(SpecKey.LC, lc);
        d.put(SpecKey.SECTIONS, sections);
        d.put(SpecKey.SUBCKT, subckt);
        d.put(SpecKey.TEFF, teff);
        d.put(SpecKey.BANDWIDTH, bandwidth);
        d.put(SpecKey.BETA, beta);
        d.put(SpecKey.BIT_SAMPLES, bitSamples);
        d.put(SpecKey.BITS, bits);
        d.put(SpecKey.SEED, seed);
        putIfGiven(d, SpecKey.EVE_NOISE_VOLTAGE, eveNoiseVoltage);
        putIfGiven(d, SpecKey.EVE_NOISE_CURRENT, eveNoiseCurrent);
        putIfGiven(d, SpecKey.RECONCILIATION, reconciliation);
        return Collections.unmodifiableMap(d);
    }

    private static void putIfGiven(Map<SpecKey, List<?>> d, SpecKey key, List<Double> values) {
        if (given(values)) {
            d.put(key, values);
        }
    }

    /** Whether an optional dimension has values from the spec (else it is {@code [null]}). */
    static boolean given(List<Double> optional) {
        return optional.size() > 1 || optional.get(0) != null;
    }

    /** Whether the points carry Eve's instrument (the spec gives eveNoiseVoltage or eveNoiseCurrent). */
    boolean givesInstrument() {
        return given(eveNoiseVoltage) || given(eveNoiseCurrent);
    }

    /** Whether a point uses the {@code optimal} β. */
    boolean asksOptimal() {
        return beta.stream().anyMatch(b -> b.kind() == BetaRule.Kind.OPTIMAL);
    }

    /** The number of points, or -1 when it is above {@code max} (the product is stopped before it overflows). */
    long size(long max) {
        long size = 1;
        for (List<?> v : dimensions().values()) {
            size *= v.size();
            if (size > max) {
                return -1;
            }
        }
        return size;
    }

    /** The distance in point index between neighbouring values of each dimension. */
    Map<SpecKey, Integer> strides() {
        Map<SpecKey, List<?>> d = dimensions();
        List<SpecKey> order = List.copyOf(d.keySet());
        EnumMap<SpecKey, Integer> stride = new EnumMap<>(SpecKey.class);
        int st = 1;
        for (int i = order.size() - 1; i >= 0; i--) {
            stride.put(order.get(i), st);
            st *= d.get(order.get(i)).size();
        }
        return stride;
    }

    /** The dimensions with more than one value, as {@code rl 2 x beta 3}. */
    String shapeText() {
        return dimensions().entrySet().stream().filter(e -> e.getValue().size() > 1)
                .map(e -> e.getKey().text + " " + e.getValue().size()).collect(Collectors.joining(" x "));
    }

    /** Walks an index through the dimensions from the fastest one: each call takes the next dimension's value. */
    private static final class Digits {
        private int rest;

        Digits(int index) {
            this.rest = index;
        }

        <T> T next(List<T> values) {
            T v = values.get(rest % values.size());
            rest /= values.size();
            return v;
        }
    }

    /** Eve's instrument of a point: null when the spec gives no floor, else the floors given and the defaults. */
    private EveInstrument instrument(Double voltage, Double current) {
        if (!givesInstrument()) {
            return null;
        }
        return new EveInstrument(voltage == null ? EveInstrument.DEFAULT_VOLTAGE_NOISE : voltage,
                current == null ? EveInstrument.DEFAULT_CURRENT_NOISE : current);
    }

    /** The point at {@code index}, which the caller has checked is inside the grid. */
    SweepPoint point(int index, Set<Analysis> analyses) {
        Digits d = new Digits(index);
        // from the fastest dimension (the last) to the slowest (the first)
        Double xi = d.next(reconciliation);
        Double currentFloor = d.next(eveNoiseCurrent);
        Double voltageFloor = d.next(eveNoiseVoltage);
        long seedValue = d.next(seed);
        int bitsValue = d.next(bits);
        int samples = d.next(bitSamples);
        BetaRule betaValue = d.next(beta);
        double band = d.next(bandwidth);
        double tEff = d.next(teff);
        SubcktRef subcktValue = d.next(subckt);
        int sectionsValue = d.next(sections);
        double lcValue = d.next(lc);
        double ccValue = d.next(cc);
        double rcValue = d.next(rc);
        double lengthValue = d.next(length);
        CablePreset presetValue = d.next(preset);
        String cableValue = d.next(cable);
        Resistor aliceValue = d.next(alice);
        double rhValue = d.next(rh);
        double rlValue = d.next(rl);
        if (presetValue != null) {
            rcValue = SweepSpec.clean(presetValue.resistance(lengthValue));
            ccValue = SweepSpec.clean(presetValue.capacitance(lengthValue));
            lcValue = SweepSpec.clean(presetValue.inductance(lengthValue));
        } else if (!CableKind.SUBCKT.word().equals(cableValue)) {
            // R_c and L_c the spec leaves out take their defaults where the model has them (not in a subckt)
            rcValue = Double.isNaN(rcValue) ? DEFAULT_RC : rcValue;
            lcValue = Double.isNaN(lcValue) ? 0 : lcValue;
        }
        SweepPoint p = new SweepPoint(index, "", rlValue, rhValue, aliceValue, cableValue, presetValue, lengthValue,
                rcValue, ccValue, lcValue, sectionsValue, subcktValue, tEff, band, betaValue, samples, bitsValue,
                seedValue, instrument(voltageFloor, currentFloor), xi == null ? Double.NaN : xi, analyses);
        return p.withKey(SweepPoint.keyOf(p.parameterColumns(), p.parameterCells()));
    }
}
