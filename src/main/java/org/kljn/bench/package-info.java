/**
 * The performance harness behind {@code kljn bench}: whole {@code kljn attack} processes against ngspice's own
 * batch mode on the same loop, band and noise samples; the attack's resident memory against run length; the
 * transient kernel alone; the exact analysis per point; the sweep speed-up of the instance pool.
 *
 * <p>Entry points: {@link org.kljn.bench.Benchmarks#run} with a {@link org.kljn.bench.Benchmarks.Plan} (full or quick)
 * and an {@link org.kljn.bench.AttackLauncher} that says how to start kljn: the caller names the command-line entry
 * point, so this package does not depend on the command line.
 *
 * <p>Depends on: {@link org.kljn.analysis}, {@link org.kljn.sweep}, {@link org.kljn.circuit},
 * {@link org.kljn.ngspice}, {@link org.kljn.noise}, Jackson (reading {@code attack --json}), and GNU time
 * ({@code /usr/bin/time}) and the {@code ngspice} program for the process measurements.
 */
package org.kljn.bench;
