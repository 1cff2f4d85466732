package org.kljn.report;

import org.kljn.io.Units;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The four charts of the KLJN report, each built from plain arrays into a {@link ChartSpec}. No analysis
 * happens here beyond the normalisation and reference line each chart states on its face.
 */
public final class KljnCharts {
    private KljnCharts() {
    }

    // ---------------------------------------------------------------------------------------------- signal(β)

    /**
     * One attack's signal against β: {@code signal[i]} at {@code beta[i]}, in {@code unit} (V² for bsy, W for
     * secondLaw, A² for current), and the β that nulls it (NaN when nothing does).
     */
    public record AttackCurve(String attack, String unit, double[] beta, double[] signal, double nullBeta) {
        public AttackCurve {
            Objects.requireNonNull(attack, "attack");
            unit = unit == null ? "" : unit;
            beta = beta.clone();
            signal = signal.clone();
            if (beta.length != signal.length || beta.length == 0) {
                throw new IllegalArgumentException(attack + ": " + beta.length + " β values, " + signal.length
                        + " signal values");
            }
        }

        @Override
        public double[] beta() {
            return beta.clone();
        }

        @Override
        public double[] signal() {
            return signal.clone();
        }

        /** The signal at β = 1, linear between the nearest samples (and beyond the ends from the end pair). */
        public double atBetaOne() {
            return interpolate(beta, signal, 1.0);
        }
    }

    /**
     * The β axis of a signal figure: 121 points from 0 to 1.2 × the largest of 1.25, the β values to be seen
     * ({@code shown}; NaN for none) and every attack's null.
     */
    public static double[] betaGrid(org.kljn.analysis.exact.BetaCurve curve, double... shown) {
        double betaMax = 1.5;
        for (double b : shown) {
            if (Double.isFinite(b)) {
                betaMax = Math.max(betaMax, 1.2 * b);
            }
        }
        for (org.kljn.analysis.exact.Attack a : org.kljn.analysis.exact.Attack.values()) {
            if (curve.betaNull(a).isPresent()) {
                betaMax = Math.max(betaMax, 1.2 * curve.betaNull(a).getAsDouble());
            }
        }
        double[] betas = new double[121];
        for (int i = 0; i < betas.length; i++) {
            betas[i] = betaMax * i / (betas.length - 1);
        }
        return betas;
    }

    /** Each attack's signal on {@code betas}, with its unit and null β (NaN for none). */
    public static List<AttackCurve> attackCurves(org.kljn.analysis.exact.BetaCurve curve, double[] betas) {
        List<AttackCurve> curves = new ArrayList<>();
        for (org.kljn.analysis.exact.Attack a : org.kljn.analysis.exact.Attack.values()) {
            double[] s = new double[betas.length];
            for (int i = 0; i < betas.length; i++) {
                s[i] = curve.signal(a, betas[i]);
            }
            curves.add(new AttackCurve(a.key(), a.unit(), betas, s, curve.betaNull(a).orElse(Double.NaN)));
        }
        return curves;
    }

    /**
     * Each attack's signal against β, divided by the magnitude of its value at β = 1 so that V², W and A² share
     * one axis (the divisor, with its unit, is in the legend). Dividing by the magnitude keeps each curve's sign:
     * a signal that is negative at β = 1 stays below zero there, as the table says. A signal that is zero at
     * β = 1 is divided by its largest magnitude instead, and says so. Vertical markers: the paper's eq. 11 β and each attack's null β, in
     * the attack's colour.
     */
    public static ChartSpec signalVersusBeta(List<AttackCurve> attacks, double betaEq11) {
        List<Series> series = new ArrayList<>();
        List<ChartSpec.Marker> markers = new ArrayList<>();
        markers.add(ChartSpec.Marker.horizontal(0, ""));
        if (Double.isFinite(betaEq11)) { // a line without series resistance has no eq. 11 β
            markers.add(ChartSpec.Marker.vertical(betaEq11, "β eq. 11 = " + Charts.number(betaEq11)));
        }
        for (AttackCurve a : attacks) {
            double scale = Math.abs(a.atBetaOne());
            String name;
            if (Double.isFinite(scale) && scale != 0) {
                // the divisor is a magnitude: "÷ |−6.473e-16 A²|" made a reader wonder about the sign
                name = a.attack() + " (÷ " + Units.si(scale, a.unit()) + ", its size at β = 1"
                        + (a.atBetaOne() < 0 ? ", where it is negative" : "") + ")";
            } else {
                scale = 0;
                for (double s : a.signal()) {
                    scale = Math.max(scale, Math.abs(s));
                }
                name = scale == 0 ? a.attack() + " (identically 0)"
                        : a.attack() + " (÷ " + Units.si(scale, a.unit()) + ", its largest size)";
            }
            double[] y = a.signal();
            for (int i = 0; i < y.length; i++) {
                y[i] = scale == 0 ? 0 : y[i] / scale;
            }
            // A curve that coincides with earlier ones (bsy and secondLaw on a lumped line) is drawn dashed, then
            // dotted, over them, so that both stay visible.
            int under = 0;
            String over = null;
            for (Series earlier : series) {
                if (coincide(earlier, a.beta(), y)) {
                    under++;
                    over = over == null ? earlier.colourKey() : over;
                }
            }
            if (over != null) {
                name += ", on " + over;
            }
            Series.Style style = under == 0 ? Series.Style.LINE : under == 1 ? Series.Style.DASHED : Series.Style.DOTTED;
            series.add(Series.line(name, a.beta(), y).withStyle(style).withColourKey(a.attack()));
            if (Double.isFinite(a.nullBeta())) {
                markers.add(ChartSpec.Marker.vertical(a.nullBeta(),
                        "β null " + a.attack() + " = " + Charts.number(a.nullBeta())).withColourKey(a.attack()));
            }
        }
        return new ChartSpec("Attack signals against the temperature ratio β",
                "each signal divided by the magnitude of its value at β = 1 (bsy in V², secondLaw in W, current in A²); "
                        + "a signal crosses 0 at its null β",
                ChartSpec.Axis.linear("β = T_L / T_H", ""),
                ChartSpec.Axis.linear("signal / |signal at β = 1|", ""),
                series, markers);
    }

    /** Same abscissae and ordinates within 1e-9 of the larger curve's range. */
    private static boolean coincide(Series s, double[] x, double[] y) {
        double[] sx = s.x();
        double[] sy = s.y();
        if (sx.length != x.length) {
            return false;
        }
        double range = 0;
        for (int i = 0; i < y.length; i++) {
            range = Math.max(range, Math.max(Math.abs(y[i]), Math.abs(sy[i])));
        }
        for (int i = 0; i < y.length; i++) {
            if (sx[i] != x[i] || Math.abs(sy[i] - y[i]) > 1e-9 * range) {
                return false;
            }
        }
        return true;
    }

    // ------------------------------------------------------------------------------- success(bit duration)

    /**
     * Eve's success probability against bit duration for one condition ("no defence", "eq. 11 β", ...):
     * the predicted curve, and Monte Carlo estimates with their 95% intervals (empty arrays when there are
     * none).
     */
    public record SuccessCurve(String condition, double[] bitDuration, double[] predicted,
                               double[] mcBitDuration, double[] mcSuccess, double[] mcLow95, double[] mcHigh95) {
        public SuccessCurve {
            Objects.requireNonNull(condition, "condition");
            bitDuration = bitDuration.clone();
            predicted = predicted.clone();
            mcBitDuration = mcBitDuration.clone();
            mcSuccess = mcSuccess.clone();
            mcLow95 = mcLow95.clone();
            mcHigh95 = mcHigh95.clone();
            if (bitDuration.length != predicted.length) {
                throw new IllegalArgumentException(condition + ": predicted curve lengths differ");
            }
            int n = mcBitDuration.length;
            if (mcSuccess.length != n || mcLow95.length != n || mcHigh95.length != n) {
                throw new IllegalArgumentException(condition + ": Monte Carlo array lengths differ");
            }
        }

        @Override
        public double[] bitDuration() {
            return bitDuration.clone();
        }

        @Override
        public double[] predicted() {
            return predicted.clone();
        }

        @Override
        public double[] mcBitDuration() {
            return mcBitDuration.clone();
        }

        @Override
        public double[] mcSuccess() {
            return mcSuccess.clone();
        }

        @Override
        public double[] mcLow95() {
            return mcLow95.clone();
        }

        @Override
        public double[] mcHigh95() {
            return mcHigh95.clone();
        }
    }

    /**
     * Eve's success probability (0.5 is guessing) against bit duration on a log axis: per condition the
     * prediction as a line and the Monte Carlo estimates as points with 95% intervals, in one colour.
     */
    public static ChartSpec successVersusBitDuration(List<SuccessCurve> conditions) {
        List<Series> series = new ArrayList<>();
        for (SuccessCurve c : conditions) {
            if (c.bitDuration().length > 0) {
                series.add(Series.line(c.condition() + ": predicted", c.bitDuration(), c.predicted())
                        .withColourKey(c.condition()));
            }
            if (c.mcBitDuration().length > 0) {
                series.add(Series.errorBars(c.condition() + ": Monte Carlo (95% interval)", c.mcBitDuration(),
                        c.mcSuccess(), c.mcLow95(), c.mcHigh95()).withColourKey(c.condition()));
            }
        }
        return new ChartSpec("Eve's success probability against bit duration", "",
                ChartSpec.Axis.log("bit duration", "s"),
                ChartSpec.Axis.linear("Eve's success probability", "").withRange(0.45, 1.02),
                series, List.of(ChartSpec.Marker.horizontal(0.5, "0.5: guessing"),
                        ChartSpec.Marker.horizontal(1.0, "")));
    }

    // ------------------------------------------------------------------------------ residual(cable length)

    /** One line model's residual attack signal (relative to its undefended value) at each cable length. */
    public record LineModelCurve(String model, double[] length, double[] residual) {
        public LineModelCurve {
            Objects.requireNonNull(model, "model");
            length = length.clone();
            residual = residual.clone();
            if (length.length != residual.length) {
                throw new IllegalArgumentException(model + ": " + length.length + " lengths, "
                        + residual.length + " residuals");
            }
        }

        @Override
        public double[] length() {
            return length.clone();
        }

        @Override
        public double[] residual() {
            return residual.clone();
        }
    }

    /**
     * The magnitude of the residual attack signal against cable length, log-log, one series per line model.
     * Exact zeros cannot sit on a log axis and are left out.
     */
    public static ChartSpec residualVersusLength(List<LineModelCurve> models) {
        List<Series> series = new ArrayList<>();
        for (LineModelCurve m : models) {
            double[] y = m.residual();
            for (int i = 0; i < y.length; i++) {
                y[i] = Math.abs(y[i]);
            }
            series.add(Series.linePoints(m.model(), m.length(), y));
        }
        return new ChartSpec("Residual attack signal against cable length", "magnitude, relative; zeros not shown",
                ChartSpec.Axis.log("cable length", "m"),
                ChartSpec.Axis.log("|residual signal| (relative)", ""),
                series, List.of());
    }

    // ------------------------------------------------------------------------------- ladder convergence

    /** |ladder − reference| for one quantity at each number of sections N. */
    public record ConvergenceCurve(String quantity, int[] sections, double[] error) {
        public ConvergenceCurve {
            Objects.requireNonNull(quantity, "quantity");
            sections = sections.clone();
            error = error.clone();
            if (sections.length != error.length || sections.length == 0) {
                throw new IllegalArgumentException(quantity + ": " + sections.length + " section counts, "
                        + error.length + " errors");
            }
        }

        @Override
        public int[] sections() {
            return sections.clone();
        }

        @Override
        public double[] error() {
            return error.clone();
        }
    }

    /**
     * |ladder − reference| against the number of RC sections N, log-log, with a dashed grey N^-2 line at
     * {@link #REFERENCE_OFFSET} times the first curve's largest-N point (second-order convergence runs parallel
     * to it, just above it). {@code unit} is the
     * error's unit, "" for a relative error.
     */
    /** Where the N^-2 line sits against the first curve's largest-N point: below it, so both stay visible. */
    public static final double REFERENCE_OFFSET = 0.4;

    public static ChartSpec ladderConvergence(List<ConvergenceCurve> curves, String unit) {
        List<Series> series = new ArrayList<>();
        double nMin = Double.POSITIVE_INFINITY;
        double nMax = 0;
        for (ConvergenceCurve c : curves) {
            double[] n = new double[c.sections().length];
            double[] e = c.error();
            for (int i = 0; i < n.length; i++) {
                n[i] = c.sections()[i];
                e[i] = Math.abs(e[i]);
                if (n[i] > 0) {
                    nMin = Math.min(nMin, n[i]);
                    nMax = Math.max(nMax, n[i]);
                }
            }
            series.add(Series.linePoints(c.quantity(), n, e));
        }
        if (!curves.isEmpty()) {
            ConvergenceCurve first = curves.get(0);
            int anchor = -1;
            for (int i = 0; i < first.sections().length; i++) {
                double e = Math.abs(first.error()[i]);
                if (first.sections()[i] > 0 && e > 0 && Double.isFinite(e)
                        && (anchor < 0 || first.sections()[i] > first.sections()[anchor])) {
                    anchor = i;
                }
            }
            if (anchor >= 0 && nMax > nMin) {
                double c = REFERENCE_OFFSET * Math.abs(first.error()[anchor]) * Math.pow(first.sections()[anchor], 2);
                series.add(Series.dashed("reference slope ∝ N⁻²", new double[]{nMin, nMax},
                        new double[]{c / (nMin * nMin), c / (nMax * nMax)}).withColourKey(Series.REFERENCE));
            }
        }
        return new ChartSpec("RC ladder against the exact line: convergence in N", "",
                ChartSpec.Axis.log("number of sections N", ""),
                ChartSpec.Axis.log("|ladder − reference|", unit),
                series, List.of());
    }

    // ------------------------------------------------------------------------------------------ helpers

    static double interpolate(double[] x, double[] y, double at) {
        if (x.length == 1) {
            return x[0] == at ? y[0] : Double.NaN;
        }
        int k = 0;
        // the segment [k, k+1] holding `at`, or the nearest end segment
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i + 1 < x.length; i++) {
            double lo = Math.min(x[i], x[i + 1]);
            double hi = Math.max(x[i], x[i + 1]);
            double d = at < lo ? lo - at : at > hi ? at - hi : 0;
            if (d < best && x[i] != x[i + 1]) {
                best = d;
                k = i;
            }
        }
        if (x[k] == x[k + 1]) {
            return Double.NaN;
        }
        double t = (at - x[k]) / (x[k + 1] - x[k]);
        return y[k] + t * (y[k + 1] - y[k]);
    }
}
