package org.kljn.report;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each KLJN chart renders to a valid PNG and SVG with its series; a sample of each goes to /tmp/kljn-plots. */
@Tag("integration") // rendering: runs in mvn verify (failsafe), not in the fast mvn test
class KljnChartsIT {
    @TempDir
    Path dir;

    /** Sample data shaped like the LTRA case of docs/exact-analysis.md: three nulls far apart, eq. 11's β beyond them. */
    static List<KljnCharts.AttackCurve> ltraAttacks() {
        double[] beta = grid(0, 1.4, 57);
        return List.of(
                linear("bsy", "V²", beta, -2.2755e-9, 0.5409),
                linear("secondLaw", "W", beta, -2.3864e-11, 0.3854),
                linear("current", "A²", beta, -3.7794e-13, 0.1123));
    }

    /** signal(β) = s1 (β0 - β)/(β0 - 1): s1 at β = 1, zero at β0. */
    static KljnCharts.AttackCurve linear(String attack, String unit, double[] beta, double s1, double beta0) {
        double[] s = new double[beta.length];
        for (int i = 0; i < beta.length; i++) {
            s[i] = s1 * (beta0 - beta[i]) / (beta0 - 1);
        }
        return new KljnCharts.AttackCurve(attack, unit, beta, s, beta0);
    }

    static double[] grid(double from, double to, int n) {
        double[] g = new double[n];
        for (int i = 0; i < n; i++) {
            g[i] = from + (to - from) * i / (n - 1);
        }
        return g;
    }

    static double[] logGrid(double from, double to, int n) {
        double[] g = new double[n];
        for (int i = 0; i < n; i++) {
            g[i] = from * Math.pow(to / from, (double) i / (n - 1));
        }
        return g;
    }

    @Test
    void signalVersusBetaNormalisesAtBetaOneAndMarksTheNulls() throws Exception {
        ChartSpec spec = KljnCharts.signalVersusBeta(ltraAttacks(), 1.17647);
        assertEquals(3, spec.series().size());
        for (Series s : spec.series()) {
            // normalised by the magnitude at β = 1, sign kept: all three sample signals are negative at β = 1
            // (dividing by the signed value once drew them rising where the signals fall)
            assertEquals(-1.0, KljnCharts.interpolate(s.x(), s.y(), 1.0), 1e-12, s.name());
            assertTrue(KljnCharts.interpolate(s.x(), s.y(), 0.0) > 0, "positive below the null: " + s.name());
            assertTrue(s.name().contains("at β = 1"), s.name());
        }
        assertTrue(spec.series().get(0).name().contains("V²"));
        long nullMarkers = spec.markers().stream().filter(m -> m.label().startsWith("β null")).count();
        assertEquals(3, nullMarkers);
        assertTrue(spec.markers().stream().anyMatch(m -> m.label().startsWith("β eq. 11") && m.value() == 1.17647));
        ChartAssertions.renderAndCheck(spec, dir, "signal-beta", 900, 600);
        Charts.write(spec, ChartAssertions.SAMPLES, "signal-versus-beta-ltra", 900, 600);
    }

    @Test
    void signalVersusBetaLumpedCaseWithCoincidentNullsAndAZeroCurrent() throws Exception {
        double[] beta = grid(0.8, 1.2, 41);
        KljnCharts.AttackCurve current = new KljnCharts.AttackCurve("current", "A²", beta, new double[41], Double.NaN);
        List<KljnCharts.AttackCurve> attacks = List.of(
                linear("bsy", "V²", beta, 4.034e-11, 1.04478),
                linear("secondLaw", "W", beta, 4.034e-13, 1.04478),
                current);
        ChartSpec spec = KljnCharts.signalVersusBeta(attacks, 1.08911);
        assertTrue(spec.series().get(2).name().contains("identically 0"));
        // secondLaw coincides with bsy once normalised: drawn dashed over it, and the legend says so
        assertEquals(Series.Style.LINE, spec.series().get(0).style());
        assertEquals(Series.Style.DASHED, spec.series().get(1).style());
        assertTrue(spec.series().get(1).name().endsWith(", on bsy"), spec.series().get(1).name());
        ChartAssertions.renderAndCheck(spec, dir, "lumped", 900, 600);
        Charts.write(spec, ChartAssertions.SAMPLES, "signal-versus-beta-lumped", 900, 600);
    }

    static KljnCharts.SuccessCurve success(String condition, double tau0, double[] mcT, long seed) {
        double[] t = logGrid(1e-4, 1, 60);
        double[] p = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            p[i] = 1 - 0.5 * Math.exp(-Math.sqrt(t[i] / tau0));
        }
        java.util.Random rnd = new java.util.Random(seed);
        int trials = 400;
        double[] pm = new double[mcT.length];
        double[] lo = new double[mcT.length];
        double[] hi = new double[mcT.length];
        for (int i = 0; i < mcT.length; i++) {
            double truth = 1 - 0.5 * Math.exp(-Math.sqrt(mcT[i] / tau0));
            int k = 0;
            for (int j = 0; j < trials; j++) {
                k += rnd.nextDouble() < truth ? 1 : 0;
            }
            pm[i] = (double) k / trials;
            double half = 1.96 * Math.sqrt(pm[i] * (1 - pm[i]) / trials);
            lo[i] = pm[i] - half;
            hi[i] = Math.min(1, pm[i] + half);
        }
        return new KljnCharts.SuccessCurve(condition, t, p, mcT, pm, lo, hi);
    }

    @Test
    void successVersusBitDurationPairsPredictionAndMonteCarlo() throws Exception {
        double[] mcT = logGrid(1e-4, 1, 9);
        ChartSpec spec = KljnCharts.successVersusBitDuration(List.of(
                success("no defence", 3e-3, mcT, 1),
                success("eq. 11 β defence", 0.3, mcT, 2)));
        assertEquals(4, spec.series().size());
        assertEquals(Series.Style.ERROR_BARS, spec.series().get(1).style());
        assertEquals(spec.series().get(0).colourKey(), spec.series().get(1).colourKey());
        assertTrue(spec.x().log());
        ChartAssertions.renderAndCheck(spec, dir, "success", 900, 600);
        Charts.write(spec, ChartAssertions.SAMPLES, "success-versus-bit-duration", 900, 600);
    }

    @Test
    void residualVersusLengthOneSeriesPerLineModel() throws Exception {
        double[] length = logGrid(10, 1e5, 13);
        double[] ladder = new double[length.length];
        double[] ltra = new double[length.length];
        double[] lumped = new double[length.length];
        for (int i = 0; i < length.length; i++) {
            double x = length[i] / 2e3;
            ltra[i] = -x * x / (1 + x);   // sign is dropped: magnitudes are plotted
            ladder[i] = 1.3 * x * x / (1 + x) + 2e-6;
            lumped[i] = i == 0 ? 0 : 3e-15 * x; // rounding-level, and an exact zero that cannot be shown
        }
        ChartSpec spec = KljnCharts.residualVersusLength(List.of(
                new KljnCharts.LineModelCurve("lumped", length, lumped),
                new KljnCharts.LineModelCurve("RC ladder (20 sections)", length, ladder),
                new KljnCharts.LineModelCurve("LTRA", length, ltra)));
        assertTrue(spec.x().log() && spec.y().log());
        for (Series s : spec.series()) {
            for (double v : s.y()) {
                assertTrue(v >= 0);
            }
        }
        ChartAssertions.renderAndCheck(spec, dir, "residual", 900, 600);
        Charts.write(spec, ChartAssertions.SAMPLES, "residual-versus-length", 900, 600);
    }

    @Test
    void ladderConvergenceWithSecondOrderReference() throws Exception {
        int[] n = {1, 2, 4, 8, 16, 32, 64, 128};
        double[] bsy = new double[n.length];
        double[] sl = new double[n.length];
        for (int i = 0; i < n.length; i++) {
            bsy[i] = 0.08 / (n[i] * (double) n[i]) * (1 + 0.8 / n[i]);
            sl[i] = -0.02 / (n[i] * (double) n[i]) * (1 + 1.5 / n[i]);
        }
        ChartSpec spec = KljnCharts.ladderConvergence(List.of(
                new KljnCharts.ConvergenceCurve("bsy", n, bsy),
                new KljnCharts.ConvergenceCurve("secondLaw", n, sl)), "");
        Series ref = spec.series().get(spec.series().size() - 1);
        assertEquals(Series.Style.DASHED, ref.style());
        // parallel to the first curve at its largest N, falling as N^-2
        double[] rx = ref.x();
        double[] ry = ref.y();
        assertEquals(KljnCharts.REFERENCE_OFFSET * bsy[n.length - 1] * 128.0 * 128.0, ry[1] * rx[1] * rx[1], 1e-12 * bsy[0]);
        assertEquals(-2.0, Math.log(ry[1] / ry[0]) / Math.log(rx[1] / rx[0]), 1e-12);
        ChartAssertions.renderAndCheck(spec, dir, "ladder", 900, 600);
        Charts.write(spec, ChartAssertions.SAMPLES, "ladder-convergence", 900, 600);
        assertTrue(Files.exists(ChartAssertions.SAMPLES.resolve("ladder-convergence.png")));
    }
}
