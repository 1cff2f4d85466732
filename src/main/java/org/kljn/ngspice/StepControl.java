package org.kljn.ngspice;

/**
 * Shortens ngspice's next time step (GetSyncData), e.g. so that steps land on the sample times of a
 * waveform injected through EXTERNAL sources, which set no breakpoints of their own.
 */
@FunctionalInterface
public interface StepControl {
    /**
     * @param time  ngspice's current time (the last accepted point)
     * @param delta the step ngspice proposes
     * @return the step to take; values that are not in (0, delta) leave ngspice's proposal unchanged
     */
    double limitStep(double time, double delta);
}
