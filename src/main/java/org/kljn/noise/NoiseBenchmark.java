package org.kljn.noise;

/**
 * Throughput of noise generation and waveform look-ups (not a test). Usage:
 * {@code java -cp target/classes:<deps> org.kljn.noise.NoiseBenchmark [oversampling]}.
 */
public final class NoiseBenchmark {

    private NoiseBenchmark() {
    }

    public static void main(String[] args) {
        int k = args.length > 0 ? Integer.parseInt(args[0]) : NoiseSpec.DEFAULT_OVERSAMPLING;
        NoiseDesign design = NoiseDesign.of(NoiseSpec.of(1e3).withOversampling(k));
        double s0 = 4 * 1.380649e-23 * 300 * 1e3;
        System.out.println(design);
        double[] chunk = new double[1 << 16];
        double sink = 0;
        for (int round = 0; round < 3; round++) {
            NoiseGrid grid = design.grid(s0, StreamKey.alice(round, 0));
            long n = 1L << 24;
            long t0 = System.nanoTime();
            for (long done = 0; done < n; done += chunk.length) {
                grid.fill(chunk, 0, chunk.length);
                sink += chunk[17];
            }
            double sec = (System.nanoTime() - t0) * 1e-9;
            System.out.printf("grid generation: %.3g samples/s (%.1f ns/sample, %d taps)%n", n / sec, 1e9 * sec / n,
                    design.band().fir().length());
        }
        for (int round = 0; round < 3; round++) {
            // Simulator-like pattern: 10 steps per grid cell, 4 look-ups per step, one slightly earlier time.
            NoiseWaveform wave = design.waveform(s0, StreamKey.bob(round, 0));
            double dt = design.gridStep() / 10;
            long steps = 1L << 24;
            long t0 = System.nanoTime();
            for (long i = 1; i <= steps; i++) {
                double t = i * dt;
                sink += wave.valueAt(t) + wave.valueAt(t) + wave.valueAt(t - 0.5 * dt) + wave.valueAt(t);
            }
            double sec = (System.nanoTime() - t0) * 1e-9;
            long calls = 4 * steps;
            System.out.printf("waveform look-up: %.3g calls/s (%.2f ns/call, incl. generation of %.3g grid samples)%n",
                    calls / sec, 1e9 * sec / calls, steps / 10.0);
        }
        System.out.println("(checksum " + sink + ")");
    }
}
