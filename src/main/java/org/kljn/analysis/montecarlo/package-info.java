/**
 * The transient Monte Carlo: Eve's success measured on simulated bit exchanges, not computed.
 *
 * <p>Answers "does a real bit exchange in ngspice give what the exact analysis predicts?" Java injects the
 * generators' noise (R_H side at T_eff, R_L side at β T_eff: the seed paper's Sec. 2.3), ngspice solves the loop in
 * the time domain, and the accepted points stream into each attack's per-bit statistic (eq. 1's voltage
 * difference, eqs. 8-9's power difference) and the best eavesdropper's.
 * <ul>
 * <li>{@link org.kljn.analysis.montecarlo.BitExchange} checks and runs it with
 * {@link org.kljn.analysis.montecarlo.BitExchangeSettings}; {@link org.kljn.analysis.montecarlo.BitExchangeSimulation}
 * is the run, in parts: {@code BitSchedule} (which bits, which situations, the blocks), {@code TransientBlock} (the
 * ngspice run of one block with Java-injected noise), {@code BitDecisions} and {@code OptimalDetector} (each
 * party's decision per bit, Eve's likelihood-ratio detector), and
 * {@link org.kljn.analysis.montecarlo.BitExchangeResult}, the result.</li>
 * <li>{@link org.kljn.analysis.montecarlo.StepChoice}, {@link org.kljn.analysis.montecarlo.AccuracyGoal} and
 * {@link org.kljn.analysis.montecarlo.TrapezoidModel} choose the time step and bound its error.</li>
 * <li>{@link org.kljn.analysis.montecarlo.WindowMoments}, {@link org.kljn.analysis.montecarlo.WhittleStream},
 * {@link org.kljn.analysis.montecarlo.LegendreProjection} and
 * {@code TransientWindowDetector} turn the samples into per-bit statistics and
 * decisions.</li>
 * <li>{@link org.kljn.analysis.montecarlo.NullConfirmation} confirms a null β (eq. 11 or the exact one)
 * independently, with {@link org.kljn.analysis.montecarlo.ControlVariates}.</li>
 * </ul>
 *
 * <p>Depends on {@link org.kljn.analysis.loop} and the packages below it; see
 * {@code /work/shared/notes/ngspice-39.md} for the facts about ngspice's transient it relies on.
 */
package org.kljn.analysis.montecarlo;
