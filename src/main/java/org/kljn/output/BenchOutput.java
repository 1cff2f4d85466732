package org.kljn.output;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Map;

import static com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL;

/**
 * {@code kljn bench}'s results (the dated JSON file, docs/performance.md): the machine, the end-to-end timings of
 * {@code kljn attack} against {@code ngspice -b}, the kernel alone and the sweep speed-up (the full plan only: null
 * and left out in the quick one), the attack's memory, and the exact analysis's costs. Times in seconds.
 */
public record BenchOutput(Machine machine, String attackStartedBy, List<EndToEnd> endToEnd,
                          @JsonInclude(NON_NULL) List<Kernel> kernel, List<Memory> memory, ExactPoint exact,
                          Points<ExactProbabilitiesPoint> exactProbabilities, Points<EveInformationPoint> eveInformation,
                          KeyRateMap keyRateMap, @JsonInclude(NON_NULL) Sweep sweep) {
    /** The machine the figures were taken on. */
    public record Machine(int cores, String cpu, String memory, String java, String os, String ngspice) {
    }

    /**
     * One line, accuracy goal and run length end to end: medians of wall and CPU time of both sides, every run, the
     * peak resident memory, and what the attack itself reported ({@code attack}: keys of its {@code --json}).
     */
    public record EndToEnd(String line, String accuracyGoal, double bandwidth, long samples,
                           double attackSecondsMedian, double batchSecondsMedian, double speedup,
                           double attackCpuSecondsMedian, double batchCpuSecondsMedian, double cpuRatio,
                           double[] attackRuns, double[] batchRuns, double attackPeakRssMB, double batchPeakRssMB,
                           Map<String, Object> attack) {
    }

    /** The transient kernel alone: grid samples per second. */
    public record Kernel(String line, long samples, double kernelSamplesPerSecondMedian, double[] kernelRuns) {
    }

    /** The attack's peak resident memory for a run length. */
    public record Memory(long samples, double attackPeakRssMB, double attackSeconds) {
    }

    /** One exact-analysis point, with and without the minimax β search. */
    public record ExactPoint(String line, double pointWithBetaNullsSecondsMedian,
                             double pointWithMinimaxSearchSecondsMedian) {
    }

    /** Costs on one line at several bit lengths. */
    public record Points<P>(String line, List<P> points) {
        public Points {
            points = List.copyOf(points);
        }
    }

    /** All exact probabilities of one point at one bit length. */
    public record ExactProbabilitiesPoint(int bitSamples, double bitDuration, String method, double secondsMedian) {
    }

    /**
     * Eve's information on one line at one bit length: the window method's wall time and CPU time (the calling
     * thread's plus the common ForkJoin pool's threads', where its Gram's rows are split), beside the spectral
     * detector's CPU time (one thread).
     */
    public record EveInformationPoint(String line, int bitSamples, String method, double eveWallSecondsMedian,
                                      double eveCpuSecondsMedian, double spectralCpuSecondsMedian,
                                      double successProbability, double mutualInformation) {
    }

    /** The default 13 × 13 key-rate map, τ optimised per cell (issue 21 item 6): wall and process CPU seconds. */
    public record KeyRateMap(int cells, String line, int ngspiceInstances, double wallSeconds,
                             double processCpuSeconds, double bestBitsPerSecond) {
    }

    /** The same sweep with one instance and with one per core. */
    public record Sweep(int points, int cores, double secondsOneInstance, double secondsPool, double speedup) {
    }
}
