/**
 * Parameter sweeps: a grid of KLJN loops, the analyses run at every point, resumable and sharded results files.
 *
 * <p>Entry points: {@link org.kljn.sweep.SweepSpec} reads a spec (grids of loop parameters and the analyses to run
 * on their Cartesian product) into {@link org.kljn.sweep.SweepPoint}s, in three steps: {@code SpecParser} reads each
 * key's line ({@code SpecLines}) into typed values, {@code SweepGrid} holds the typed dimensions and expands an index
 * into its point, {@code SpecRules} checks what values may meet (between keys, the grid budget, and every point
 * through the domain's own checks: the line models, {@code LoopAnalysis.check}, {@code BitExchange.check},
 * {@code BitLength}, {@code BetaRule}, {@code EveInstrument}); {@link org.kljn.sweep.SweepRunner} runs one
 * {@link org.kljn.sweep.Shard} of them through an evaluator on worker threads and appends a row per finished point
 * ({@link org.kljn.sweep.SweepWriter}), resuming a file it wrote; {@link org.kljn.sweep.KljnEvaluator} computes a
 * point on an instance of the ngspice pool (the exact analysis, the Monte Carlo attack, or both:
 * {@link org.kljn.sweep.Analysis}), {@link org.kljn.sweep.IsolatedEvaluator} in worker JVMs instead, so that a native
 * crash costs only its point; {@link org.kljn.sweep.SweepMerge} joins the shards' files in point order and
 * {@link org.kljn.sweep.SweepStatus} counts what is done from the files alone.
 *
 * <p>Depends on: {@link org.kljn.analysis} (what a point computes), {@link org.kljn.circuit},
 * {@link org.kljn.ngspice}, {@link org.kljn.io} (atomic writes, CSV, progress), {@link org.kljn.worker} (isolated
 * points) and Jackson (the workers' JSON lines). Submission to Slurm is {@link org.kljn.sweep.slurm}; the command
 * line ({@code kljn sweep}, {@code merge}, {@code status}) parses and calls these.
 */
package org.kljn.sweep;
