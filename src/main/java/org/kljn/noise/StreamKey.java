package org.kljn.noise;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Identifies one independent noise stream: the master seed of a run, the party (generator) and the bit exchange.
 *
 * <p>Derivation (SplitMix64 finaliser {@code mix64} of Steele, Lea &amp; Flood 2014; G = 0x9E3779B97F4A7C15, the
 * 64-bit golden-ratio increment of SplitMix64; arithmetic mod 2⁶⁴):
 * <pre>
 *   k₁ = mix64(seed)
 *   k₂ = mix64(k₁ + G·(party + 1))
 *   k₃ = mix64(k₂ + G·(exchange + 1))
 *   s₀ = mix64(k₃ + G),  s₁ = mix64(k₃ + 2G)       (the first two outputs of SplitMix64 seeded with k₃)
 * </pre>
 * (s₀, s₁) is the state of a xoroshiro128++ generator ({@link RandomSource#XO_RO_SHI_RO_128_PP}, used verbatim).
 * For a fixed prefix each step is a bijection of the new field (G is odd and mix64 is invertible), so distinct
 * parties or exchanges under one seed never share a key; unrelated keys collide with probability ≈ 2⁻⁶⁴. The state is
 * never all-zero (mix64(x) = 0 only for x = 0, and k₃ + G, k₃ + 2G cannot both vanish).
 *
 * @param seed     master seed of the run
 * @param party    generator index ≥ 0 ({@link #ALICE}, {@link #BOB}, or further sources)
 * @param exchange bit-exchange index ≥ 0
 */
public record StreamKey(long seed, int party, long exchange) {

    public static final int ALICE = 0;
    public static final int BOB = 1;

    static final long GOLDEN = 0x9E3779B97F4A7C15L;

    public StreamKey {
        if (party < 0) {
            throw new IllegalArgumentException("party must be >= 0: " + party);
        }
        if (exchange < 0) {
            throw new IllegalArgumentException("exchange must be >= 0: " + exchange);
        }
    }

    public static StreamKey of(long seed, int party, long exchange) {
        return new StreamKey(seed, party, exchange);
    }

    public static StreamKey alice(long seed, long exchange) {
        return new StreamKey(seed, ALICE, exchange);
    }

    public static StreamKey bob(long seed, long exchange) {
        return new StreamKey(seed, BOB, exchange);
    }

    /** The xoroshiro128++ state (s₀, s₁) derived as documented above (a fresh array). */
    public long[] rngState() {
        long k1 = mix64(seed);
        long k2 = mix64(k1 + GOLDEN * (party + 1L));
        long k3 = mix64(k2 + GOLDEN * (exchange + 1));
        return new long[] {mix64(k3 + GOLDEN), mix64(k3 + 2 * GOLDEN)};
    }

    /** A new uniform generator positioned at the start of this stream. */
    public UniformRandomProvider newRng() {
        return RandomSource.XO_RO_SHI_RO_128_PP.create(rngState());
    }

    /** SplitMix64 output finaliser (a bijection of 64-bit words). */
    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
