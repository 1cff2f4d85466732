package org.kljn.cli;

import org.kljn.analysis.eavesdropper.EveInstrument;
import org.kljn.circuit.SpiceNumbers;
import picocli.CommandLine.Option;

/** Eve's instrument noise, for every command that predicts the best eavesdropper ({@link EveInstrument}). */
final class EveNoiseOptions {
    @Option(names = "--eve-noise-voltage", defaultValue = "1e-18", description = "Eve's voltage-channel white noise,"
            + " one-sided PSD in V^2/Hz (default ${DEFAULT-VALUE}: 1 nV/sqrt(Hz), a very good low-noise amplifier)")
    String voltage;

    @Option(names = "--eve-noise-current", defaultValue = "1e-24", description = "Eve's current-channel white noise,"
            + " one-sided PSD in A^2/Hz (default ${DEFAULT-VALUE}: 1 pA/sqrt(Hz))")
    String current;

    /** The instrument; a bad floor is a ParameterException naming the option. */
    EveInstrument instrument() {
        return new EveInstrument(SpiceNumbers.parse("--eve-noise-voltage", voltage),
                SpiceNumbers.parse("--eve-noise-current", current));
    }
}
