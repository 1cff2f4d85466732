package org.kljn.analysis.montecarlo;

/**
 * Why Eve's exact window test was not measured on a transient, in the domain's words, and what setting would measure
 * it, so that each front end names its own spelling of that setting (the command line its options).
 *
 * @param reason why the waveform or the bit does not carry the window test ("TRNOISE: ngspice's own generator ...")
 * @param remedy the setting that lifts this refusal (another may then stand: a band-limited noise's images can need
 *               more window functions than the test holds); null where no setting of the transient lifts it (a bit
 *               too long, TRNOISE, an unresolved floor)
 */
public record WindowRefusal(String reason, Remedy remedy) {

    /**
     * A band-limited noise on a grid of at least {@code minimumGrid} points per Nyquist interval or, where {@code goal}
     * is not null, that accuracy goal with the grid it chooses.
     */
    public record Remedy(int minimumGrid, AccuracyGoal goal) {
    }

    /** A refusal no setting of the transient lifts. */
    static WindowRefusal of(String reason) {
        return new WindowRefusal(reason, null);
    }
}
