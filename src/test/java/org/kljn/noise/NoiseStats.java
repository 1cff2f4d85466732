package org.kljn.noise;

/** Exact second-order statistics of the generated noise, for deriving test expectations and tolerances. */
final class NoiseStats {

    private NoiseStats() {
    }

    /** Covariance E[y_n y_m] of a (cyclo)stationary sequence. */
    interface Covariance {
        double at(long n, long m);
    }

    /** Grid covariance E[w_n w_m] = σ²r_{n−m}. */
    static Covariance grid(NoiseDesign d, double s0) {
        return (n, m) -> d.gridCovariance(s0, (int) Math.max(-Integer.MAX_VALUE, Math.min(Integer.MAX_VALUE, n - m)));
    }

    /**
     * Covariance of y sampled at t = (n/P)·h, y(t) = (1−u)w_k + u·w_{k+1} with k = ⌊n/P⌋, u = (n mod P)/P.
     */
    static Covariance interpolated(NoiseDesign d, double s0, int p) {
        return (n, m) -> {
            long ka = Math.floorDiv(n, p);
            long kb = Math.floorDiv(m, p);
            double ua = (double) Math.floorMod(n, p) / p;
            double ub = (double) Math.floorMod(m, p) / p;
            int dk = (int) (kb - ka);
            return (1 - ua) * (1 - ub) * d.gridCovariance(s0, dk)
                    + (1 - ua) * ub * d.gridCovariance(s0, dk + 1)
                    + ua * (1 - ub) * d.gridCovariance(s0, dk - 1)
                    + ua * ub * d.gridCovariance(s0, dk);
        };
    }

    /**
     * Time-averaged (phase-averaged) covariance of y at lags of h/P: R̄(τ) = σ²Σ_j r_j·β₃(τ/h − j), where the
     * centred cubic B-spline β₃ is the autocorrelation of the triangle Λ (β₃(0) = 2/3, β₃(±1) = 1/6). This is the
     * stationary covariance a randomly-phased sampling of y would see; its spectrum is S0·g aliased.
     */
    static Covariance timeAveraged(NoiseDesign d, double s0, int p) {
        return (n, m) -> {
            double tau = (double) (m - n) / p;
            int j0 = (int) Math.floor(tau) - 2;
            double s = 0;
            for (int j = j0; j <= j0 + 4; j++) {
                s += d.gridCovariance(s0, j) * cubicBSpline(tau - j);
            }
            return s;
        };
    }

    private static double cubicBSpline(double u) {
        double a = Math.abs(u);
        if (a >= 2) {
            return 0;
        }
        if (a >= 1) {
            double b = 2 - a;
            return b * b * b / 6;
        }
        return 2.0 / 3 - a * a + a * a * a / 2;
    }

    /**
     * Exact expectation of a Welch bin, with a worst-case bound on its floating-point rounding error (Higham's
     * γ_n·Σ|terms| for an n-term sum, n = lags + 3 to cover the products and the cosines).
     */
    record Expectation(double[] mean, double roundingBound) {
    }

    /**
     * Exact expectation of {@link WelchPsd#estimate} for a zero-mean sequence with covariance c whose period of
     * cyclostationarity divides L/2 (so every segment sees the same statistics) and which vanishes beyond maxLag:
     * E|Σ_n x_n w_n e^{−jωn}|² = Σ_l e^{jωl} D(l), D(l) = Σ_n w_n w_{n+l} c(n, n+l), D(−l) = D(l).
     */
    static Expectation welchExpectation(Covariance c, int maxLag, int l, double fs) {
        double[] w = WelchPsd.hann(l);
        double sumW2 = 0;
        for (double v : w) {
            sumW2 += v * v;
        }
        int lags = Math.min(maxLag, l - 1);
        double[] dl = new double[lags + 1];
        double absSum = 0;
        for (int lag = 0; lag <= lags; lag++) {
            double s = 0;
            double a = 0;
            for (int n = 0; n + lag < l; n++) {
                double t = w[n] * w[n + lag] * c.at(n, n + lag);
                s += t;
                a += Math.abs(t);
            }
            dl[lag] = s;
            absSum += (lag == 0 ? 1 : 2) * a;
        }
        double[] e = new double[l / 2 + 1];
        for (int k = 0; k <= l / 2; k++) {
            double s = dl[0];
            for (int lag = 1; lag <= lags; lag++) {
                s += 2 * dl[lag] * Math.cos(2 * Math.PI * ((long) k * lag % l) / l);
            }
            double oneSided = (k == 0 || k == l / 2) ? 1 : 2;
            e[k] = oneSided * s / (fs * sumW2);
        }
        double gamma = (l + lags + 3) * Math.ulp(1.0) / 2;
        return new Expectation(e, gamma * 2 * absSum / (fs * sumW2));
    }

    /**
     * Variance of the sample mean of x_n², n = 0..N−1, for a zero-mean Gaussian sequence with P-cyclostationary
     * covariance c vanishing beyond maxLag: Var = (2/N²) Σ_{n,m} c(n,m)² ≈ (2/N)·(1/P)Σ_{p&lt;P} Σ_l c(p, p+l)²
     * (Isserlis: Cov(x_n², x_m²) = 2c(n,m)²; edge terms are O(maxLag/N) relative).
     */
    static double meanSquareVariance(Covariance c, int p, int maxLag, long n) {
        double s = 0;
        for (int ph = 0; ph < p; ph++) {
            for (int lag = -maxLag; lag <= maxLag; lag++) {
                double v = c.at(ph, ph + lag);
                s += v * v;
            }
        }
        return 2 * s / p / n;
    }

    /** Mean of x_n x_{n+lag} over the overlap, divided by the product of RMS values (sample correlation). */
    static double crossCorrelation(double[] a, double[] b, int lag) {
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < a.length; i++) {
            saa += a[i] * a[i];
            sbb += b[i] * b[i];
            int j = i + lag;
            if (j >= 0 && j < b.length) {
                sab += a[i] * b[j];
            }
        }
        return sab / Math.sqrt(saa * sbb);
    }

    static double meanSquare(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v * v;
        }
        return s / x.length;
    }

    /**
     * Asserts every Welch bin lies within nSigma standard deviations of its exact expectation, plus the expectation's
     * rounding bound. For a Gaussian sequence each segment's periodogram bin is E·χ²₂/2 (relative sd 1), and
     * Welch's average of overlapped segments has relative sd 1/√K_eff. Where the bin's DFT is not circular (k
     * within 2 bins of 0, of L/2, or of a multiple of the cyclostationary cycle spacing), the periodogram can be
     * E·χ²₁ (relative sd √2): there √2 is allowed. Bins whose expectation is below 20× its rounding bound (deep in
     * the stop band, ~1e-12 of the peak) carry no information and are skipped. Returns the number of bins checked.
     */
    static int assertWelchMatches(WelchPsd.Estimate est, Expectation expectation, double nSigma,
                                  int cycleSpacingBins) {
        double[] expected = expectation.mean();
        double sd = 1 / Math.sqrt(est.equivalentSegments());
        int half = est.bins() - 1;
        double worst = 0;
        int worstBin = -1;
        int checked = 0;
        for (int k = 0; k <= half; k++) {
            if (expected[k] < 20 * expectation.roundingBound()) {
                continue;
            }
            checked++;
            int toCycle = cycleSpacingBins > 0
                    ? Math.min(k % cycleSpacingBins, cycleSpacingBins - k % cycleSpacingBins) : k;
            boolean nonCircular = k <= 2 || half - k <= 2 || toCycle <= 2;
            double binSd = sd * (nonCircular ? Math.sqrt(2) : 1) * expected[k];
            double z = (est.psd(k) - expected[k]) / (binSd + expectation.roundingBound() / nSigma);
            if (Math.abs(z) > Math.abs(worst)) {
                worst = z;
                worstBin = k;
            }
        }
        final double w = worst;
        final int wb = worstBin;
        org.junit.jupiter.api.Assertions.assertTrue(Math.abs(w) <= nSigma,
                () -> String.format("Welch bin %d (f = %.6g Hz): z = %.2f, estimate %.6g vs expected %.6g", wb,
                        est.frequency(wb), w, est.psd(wb), expected[wb]));
        return checked;
    }
}
