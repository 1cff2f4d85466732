/**
 * The noise of the KLJN generators: Johnson-Nyquist noise at an enhanced temperature, its band shapes, and the
 * reproducible band-limited waveforms that Java injects into a transient.
 *
 * <p>Entry points: {@link org.kljn.noise.Johnson} is the one place for Boltzmann's constant and the one-sided PSD
 * 4kTR (paper, eq. 2: mean square 4kTRΔf in a brick-wall band); {@link org.kljn.noise.BandShape} g(f) and its
 * implementations ({@link org.kljn.noise.BrickWall}, {@link org.kljn.noise.RealisedBand},
 * {@link org.kljn.noise.TrnoiseBand}) give a generator's exact band for the AC analysis;
 * {@link org.kljn.noise.InjectedNoise} is a generator design for the transient, with {@link org.kljn.noise.NyquistNoise}
 * (iid samples at the Nyquist rate, linearly interpolated), {@link org.kljn.noise.NoiseSpec} /
 * {@link org.kljn.noise.NoiseDesign} (oversampled, FIR-filtered, {@link org.kljn.noise.LowPassFir}) and
 * {@link org.kljn.noise.PrewarpedNoise} (pre-warped for a trapezoidal solver with one step per grid interval);
 * {@link org.kljn.noise.StreamKey} derives one independent, reproducible stream per run seed, party and bit.
 *
 * <p>Depends on: Commons RNG (xoroshiro128++ and the ziggurat Gaussian sampler) and Commons Math (Gauss
 * quadrature of the FIR design integrals). Nothing of the project: it knows nothing of circuits or of KLJN analysis.
 *
 * <p>Paper: L. B. Kish and C.-G. Granqvist, "Elimination of a Second-Law-attack, and all cable-resistance-based
 * attacks, in the Kirchhoff-law-Johnson-noise (KLJN) secure key exchange system" (the seed paper of this project).
 */
package org.kljn.noise;
