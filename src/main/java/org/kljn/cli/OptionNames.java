package org.kljn.cli;

import org.kljn.analysis.montecarlo.WindowRefusal;
import org.kljn.circuit.Parameter;
import org.kljn.circuit.ParameterException;

/** The command line's name for each domain {@link Parameter}, so that a domain error names the option to change. */
final class OptionNames {
    private OptionNames() {
    }

    static String of(Parameter p) {
        return switch (p) {
            case LOW_RESISTANCE -> "--rl";
            case HIGH_RESISTANCE -> "--rh";
            case CABLE_MODEL -> "--cable";
            case CABLE_PRESET -> "--preset";
            case CABLE_LENGTH -> "--length";
            case CABLE_RESISTANCE -> "--rc";
            case CABLE_CAPACITANCE -> "--cc";
            case CABLE_INDUCTANCE -> "--lc";
            case CABLE_CONDUCTANCE -> "--cable";
            case SECTIONS -> "--sections";
            case SUBCIRCUIT_FILE -> "--subckt";
            case SUBCIRCUIT_NAME -> "--subckt-name";
            case NOISE_TEMPERATURE -> "--teff";
            case BANDWIDTH -> "--bandwidth";
            case BETA -> "--beta";
            case BIT_SAMPLES -> "--bit-samples";
            case BIT_DURATION -> "--bit-duration";
            case BITS -> "--bits";
            case NOISE_GRID -> "--oversampling";
            case SOLVER_STEPS -> "--steps-per-sample";
            case ACCURACY_GOAL -> "--accuracy";
            case GUARD_TIME -> "--guard";
            case SWEEP_POINTS -> "--points";
            case EVE_NOISE_VOLTAGE -> "--eve-noise-voltage";
            case EVE_NOISE_CURRENT -> "--eve-noise-current";
            case RAW_BIT_RATE -> "--key-rate";
            case RECONCILIATION -> "--reconciliation";
        };
    }

    /**
     * Why Eve's window test was not measured, with the options it needs: "... (K = 1) ...: the window test needs
     * --oversampling 2 or more (a band-limited FIR noise)" (needed, not always enough: see {@link WindowRefusal}).
     */
    static String windowRefusal(WindowRefusal r) {
        WindowRefusal.Remedy remedy = r.remedy();
        if (remedy == null) {
            return r.reason();
        }
        String grid = of(Parameter.NOISE_GRID);
        // what the window test needs, not a promise: with it another refusal may stand (the FIR band's images can
        // need more window functions than the test holds)
        return r.reason() + ": the window test needs " + (remedy.goal() == null
                ? grid + " " + remedy.minimumGrid() + " or more (a band-limited FIR noise)"
                : of(Parameter.ACCURACY_GOAL) + " " + remedy.goal().key() + " without " + grid + ", or " + grid + " "
                + remedy.minimumGrid() + " or more");
    }

    /** The error line for a domain error: {@code --sections: 2 sections cannot resolve ...}. */
    static String message(ParameterException e) {
        return of(e.parameter()) + ": " + e.getMessage();
    }
}
