package org.kljn.analysis.montecarlo;

/**
 * What the transient's step must get right on a line with capacitance (a memoryless loop is exact at one point per
 * Nyquist sample in every goal).
 */
public enum AccuracyGoal {
    /**
     * Means exact by pre-warped noise ({@link org.kljn.noise.PrewarpedNoise}, one trapezoidal step per grid point),
     * and the grid fine enough that no decision statistic's variance rate is inflated by more than
     * {@link StepChoice#INFLATION_TARGET}: Eve's and Alice/Bob's success rates are those of the continuous loop.
     */
    DISTRIBUTIONS("distributions"),
    /**
     * Means exact by pre-warped noise on a coarse grid ({@link #MOMENTS_GRID} points per Nyquist
     * interval): for mean statistics (null confirmation); success rates are flagged as distribution-inflated.
     */
    MOMENTS("moments"),
    /**
     * The FIR-band noise of {@link org.kljn.noise.NoiseDesign} with solver steps subdividing its grid, chosen from
     * {@link TrapezoidModel} to bound the trapezoidal bias (explicit --oversampling / --steps-per-sample).
     */
    FIR("fir");

    /**
     * The goal of every transient whose caller does not choose one (attack, sweep, the main job, the Java API): the
     * success rates of the continuous loop.
     */
    public static final AccuracyGoal DEFAULT = DISTRIBUTIONS;

    /**
     * Grid points per Nyquist interval for the {@code moments} goal: 2. K = 1 gives exact means too
     * ({@code PrewarpedTransientIT}), but there the control variates of the null confirmation (lagged products of
     * the grid values) shrink a null signal's standard error only 43-fold instead of 137-fold (measured on the Cat5
     * ladder, BSY at its null, 200 bits), so the confirmation would need ~10 times the bits; K = 2 costs about 2.1
     * solver points per Nyquist sample with the guard.
     */
    public static final int MOMENTS_GRID = 2;

    private final String key;

    AccuracyGoal(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    /** From the command-line word; a clear error naming the option otherwise. */
    public static AccuracyGoal parse(String option, String value) {
        for (AccuracyGoal g : values()) {
            if (g.key.equalsIgnoreCase(value.strip())) {
                return g;
            }
        }
        throw new IllegalArgumentException(option + " " + value + ": allowed distributions, moments or fir");
    }
}
