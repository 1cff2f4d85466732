package org.kljn.analysis.study;

import org.kljn.analysis.eavesdropper.LikelihoodRatioDetector;
import org.kljn.analysis.eavesdropper.OptimalEavesdropper;
import org.kljn.analysis.exact.ExactAnalysis;
import org.kljn.analysis.exact.NoiseTemperatures;
import org.kljn.analysis.loop.AnalysisSettings;
import org.kljn.circuit.LineModel;
import org.kljn.circuit.LossyLine;
import org.kljn.circuit.ResistorPair;
import org.kljn.ngspice.NgSpicePool;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;

/**
 * Eve's optimal success over a grid of cable length × band for a cable given per kilometre: with the best single β
 * (the β minimising J) and with the best generalised-KLJN temperature set, for a bit of M Nyquist samples; and
 * where it crosses 0.5 + ε. Each point is an exact analysis of the LTRA line (R, L, C totals) in ngspice; points
 * run in parallel on a pool of ngspice instances.
 *
 * @param points       row-major: lengths vary fastest
 * @param lengths      metres
 * @param bandwidths   Hz
 */
public record SecurityMap(List<Point> points, double[] lengths, double[] bandwidths, int bitSamples, double epsilon) {

    /** One grid point. */
    public record Point(double length, double bandwidth, double resistance, double capacitance, double inductance,
            double betaMinimizing, double jeffreysBestBeta, double successBestBeta, NoiseTemperatures bestTemperatures,
            double jeffreysBestTemperatures, double successBestTemperatures) {
    }

    /**
     * Everything a map's points are computed from: a resumed map checks its partial file against all of it (the
     * fingerprint is derived from this record, so a setting added here is checked without more code).
     */
    public record Settings(PerKm cable, ResistorPair resistors, double tEff, double[] lengths, double[] bandwidths,
            int bitSamples, double epsilon) {
    }

    /** Cable per km of loop: R (Ω/km), C (F/km), L (H/km). */
    public record PerKm(double resistance, double capacitance, double inductance) {
    }

    public Point at(int lengthIndex, int bandIndex) {
        return points.get(bandIndex * lengths.length + lengthIndex);
    }

    /**
     * For each band, the longest length (interpolated in log length) up to which Eve's success stays at or below
     * 0.5 + ε, counting from the shortest length; NaN where even the shortest length is insecure, +∞ where every
     * length is secure.
     *
     * @param temperatures true: with the best temperature set; false: with the best single β
     */
    public double[] secureLength(boolean temperatures) {
        double[] out = new double[bandwidths.length];
        double limit = 0.5 + epsilon;
        for (int b = 0; b < bandwidths.length; b++) {
            out[b] = Double.POSITIVE_INFINITY;
            double prev = Double.NaN;
            for (int l = 0; l < lengths.length; l++) {
                Point p = at(l, b);
                double s = temperatures ? p.successBestTemperatures() : p.successBestBeta();
                if (s > limit) {
                    if (l == 0) {
                        out[b] = Double.NaN;
                    } else {
                        double x0 = Math.log(lengths[l - 1]), x1 = Math.log(lengths[l]);
                        out[b] = Math.exp(x0 + (limit - prev) / (s - prev) * (x1 - x0));
                    }
                    break;
                }
                prev = s;
            }
        }
        return out;
    }

    public static SecurityMap compute(NgSpicePool pool, PerKm cable, ResistorPair resistors, double tEff,
            double[] lengths, double[] bandwidths, int bitSamples, double epsilon,
            java.util.function.IntConsumer progress) {
        return compute(pool, new Settings(cable, resistors, tEff, lengths, bandwidths, bitSamples, epsilon),
                java.util.Map.of(), (i, p) -> progress.accept(i));
    }

    /** Receives each point as it is computed (in grid order), with its index (lengths fastest). */
    @FunctionalInterface
    public interface PointListener {
        void pointDone(int index, Point point);
    }

    /**
     * As {@link #compute(NgSpicePool, PerKm, ResistorPair, double, double[], double[], int, double,
     * java.util.function.IntConsumer)}, skipping the points in {@code known} (by index: a resumed map) and handing each
     * newly computed point to {@code listener}.
     */
    public static SecurityMap compute(NgSpicePool pool, Settings settings, java.util.Map<Integer, Point> known,
            PointListener listener) {
        PerKm cable = settings.cable();
        ResistorPair resistors = settings.resistors();
        double tEff = settings.tEff();
        double[] lengths = settings.lengths();
        double[] bandwidths = settings.bandwidths();
        int bitSamples = settings.bitSamples();
        double epsilon = settings.epsilon();
        check(cable, lengths, bandwidths);
        // a ForkJoin pool as KeyRateMap's (its cells compute the spectral detector only and fork nothing today, but
        // anything they fork stays in this pool); cells as CompletableFutures, whose get() rethrows a cell's own
        // exception
        ForkJoinPool exec = new ForkJoinPool(pool.size());
        try {
            List<Future<Point>> futures = new ArrayList<>();
            for (double band : bandwidths) {
                for (double length : lengths) {
                    Point k = known.get(futures.size());
                    if (k != null) {
                        futures.add(CompletableFuture.completedFuture(k));
                        continue;
                    }
                    futures.add(CompletableFuture.supplyAsync(() -> pool.withSession(spice -> {
                        LossyLine line = line(cable, length);
                        OptimalEavesdropper eve = OptimalEavesdropper.analyse(spice, resistors, line, band,
                                ExactAnalysis.DEFAULT_POINTS);
                        double beta = eve.betaMinimizing();
                        NoiseTemperatures tb = NoiseTemperatures.standard(tEff, beta);
                        // one sweep of the bit's bins serves both defences
                        LikelihoodRatioDetector.Bins bins = eve.detectorBins(spice, bitSamples);
                        LikelihoodRatioDetector d1 = bins.at(tb);
                        OptimalEavesdropper.Defence best = eve.bestTemperatures(beta);
                        NoiseTemperatures tt = best.temperatures().scaledTo(tEff);
                        LikelihoodRatioDetector d2 = bins.at(tt);
                        return new Point(length, band, line.resistance(), line.capacitance(), line.inductance(), beta,
                                eve.jeffreysRate(tb), d1.successProbability(), tt, best.jeffreysRate(),
                                d2.successProbability());
                    }), exec));
                }
            }
            List<Point> points = new ArrayList<>();
            for (int i = 0; i < futures.size(); i++) {
                Point p = futures.get(i).get();
                points.add(p);
                if (!known.containsKey(i)) {
                    listener.pointDone(i, p);
                }
            }
            return new SecurityMap(points, lengths.clone(), bandwidths.clone(), bitSamples, epsilon);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("security map interrupted", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(c);
        } finally {
            exec.shutdownNow();
        }
    }

    /**
     * Refuses a map with a band or a line (LTRA, at each length) outside the rules every analysis applies
     * ({@link AnalysisSettings#checkBandwidth}, {@link LineModel#checkResolves}), before anything runs.
     *
     * @throws org.kljn.circuit.ParameterException naming the quantity
     */
    public static void check(PerKm cable, double[] lengths, double[] bandwidths) {
        for (double band : bandwidths) {
            AnalysisSettings.checkBandwidth(band);
            for (double length : lengths) {
                line(cable, length).checkResolves(band);
            }
        }
    }

    /** The exact line (LTRA) of {@code metres} of the cable. */
    private static LossyLine line(PerKm cable, double metres) {
        double km = metres / 1000;
        return new LossyLine(cable.resistance() * km, cable.inductance() * km, 0, cable.capacitance() * km);
    }
}
