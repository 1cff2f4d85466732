package org.kljn.analysis.study;

import org.kljn.analysis.defence.KeyRateDefences;
import org.kljn.analysis.defence.KeyRateModel;
import org.kljn.analysis.eavesdropper.EveInstrument;
import org.kljn.analysis.eavesdropper.KeyRate;
import org.kljn.analysis.eavesdropper.OptimalEavesdropper;
import org.kljn.analysis.exact.ExactAnalysis;
import org.kljn.analysis.exact.NoiseTemperatures;
import org.kljn.analysis.exact.TransferFunctions;
import org.kljn.circuit.LossyLine;
import org.kljn.circuit.ResistorPair;
import org.kljn.circuit.Situation;
import org.kljn.ngspice.NgSpicePool;
import org.kljn.noise.BandShape;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/**
 * The best secret-key rate over a grid of cable length × band for a cable given per kilometre: in each cell the
 * defences of the security map (the β minimising the best eavesdropper's Jeffreys rate, and the temperature set
 * minimising it), each at its best bit duration ({@link KeyRateModel#best}) or at the bit the user set; the cell
 * keeps the defence that gives the most. Cells run in parallel on a pool of ngspice instances.
 *
 * @param cells      row-major: lengths vary fastest
 * @param fixedBit   whether the user set the bit (else it is optimised per cell)
 */
public record KeyRateMap(List<Cell> cells, double[] lengths, double[] bandwidths, boolean fixedBit,
                         double reconciliation, EveInstrument instrument, int maxSamples) {
    public KeyRateMap {
        cells = List.copyOf(cells);
    }

    /**
     * One cell.
     *
     * @param rate         the best defence's key rate there (at its best bit, or the user's)
     * @param defence      that defence's name
     * @param temperatures its generator temperatures
     * @param zeroByBound  whether R = 0 at some bit considered only because Eve's information is a bound there
     *                     ({@link KeyRateDefences.Row#zeroByBound}, for either defence)
     */
    public record Cell(double length, double bandwidth, KeyRate rate, String defence, NoiseTemperatures temperatures,
                       boolean zeroByBound) {
        public double bitsPerSecond() {
            return rate.bitsPerSecond();
        }

        public int bitSamples() {
            return (int) Math.round(2 * bandwidth * rate.bitDuration());
        }
    }

    public Cell at(int lengthIndex, int bandIndex) {
        return cells.get(bandIndex * lengths.length + lengthIndex);
    }

    /** The cell with the most secret bits per second at the band of index {@code bandIndex} (ties: the shortest). */
    public Cell bestAt(int bandIndex) {
        Cell b = at(0, bandIndex);
        for (int l = 1; l < lengths.length; l++) {
            if (at(l, bandIndex).bitsPerSecond() > b.bitsPerSecond()) {
                b = at(l, bandIndex);
            }
        }
        return b;
    }

    /** The cell with the most secret bits per second. */
    public Cell best() {
        Cell b = cells.get(0);
        for (Cell c : cells) {
            if (c.bitsPerSecond() > b.bitsPerSecond()) {
                b = c;
            }
        }
        return b;
    }

    /**
     * The map's answer in one sentence, worded by {@link KeyRateDefences#verdict} for its best cell: the rate there,
     * or no key (or not known) in any cell.
     *
     * @param cable the cable in words ("cat5")
     */
    public String verdict(String cable) {
        Cell b = best();
        String where = String.format(java.util.Locale.ROOT, "%s (the map's best cell: %.4g m; %.4g to %.4g m, bands"
                + " %.4g to %.4g Hz)", cable, b.length(), lengths[0], lengths[lengths.length - 1], bandwidths[0],
                bandwidths[bandwidths.length - 1]);
        // "no key" only where no cell's zero rests on a bound on Eve
        boolean zeroByBound = cells.stream().anyMatch(Cell::zeroByBound);
        return new KeyRateDefences(List.of(new KeyRateDefences.Row(b.defence(), "best", b.temperatures(), b.rate(),
                null, zeroByBound)), fixedBit ? b.bitSamples() : null, maxSamples, reconciliation, instrument,
                b.bandwidth()).verdict(where);
    }

    /**
     * For each band, the longest length (interpolated in log length) up to which the rate stays above 0, counting
     * from the shortest: NaN where even the shortest has none, +∞ where every length has a key.
     */
    public double[] zeroRateLength() {
        double[] out = new double[bandwidths.length];
        for (int b = 0; b < bandwidths.length; b++) {
            out[b] = Double.POSITIVE_INFINITY;
            for (int l = 0; l < lengths.length; l++) {
                if (!(at(l, b).bitsPerSecond() > 0)) {
                    out[b] = l == 0 ? Double.NaN : Math.sqrt(lengths[l - 1] * lengths[l]);
                    break;
                }
            }
        }
        return out;
    }

    /** Whether two temperature sets agree to 1e-12 relative in every generator (their key rates agree to rounding). */
    static boolean sameTemperatures(NoiseTemperatures a, NoiseTemperatures b) {
        double[] x = {a.highAtAlice(), a.lowAtAlice(), a.highAtBob(), a.lowAtBob()};
        double[] y = {b.highAtAlice(), b.lowAtAlice(), b.highAtBob(), b.lowAtBob()};
        for (int i = 0; i < 4; i++) {
            if (!(Math.abs(x[i] - y[i]) <= 1e-12 * Math.max(Math.abs(x[i]), Math.abs(y[i])))) {
                return false;
            }
        }
        return true;
    }

    /**
     * @param bitAt    the bit in Nyquist samples of a band (Hz), or null to optimise it per cell
     * @param progress the number of cells done, after each cell computed
     */
    public static KeyRateMap compute(NgSpicePool pool, SecurityMap.PerKm cable, ResistorPair resistors, double tEff,
            double[] lengths, double[] bandwidths, java.util.function.DoubleFunction<Integer> bitAt, double xi,
            EveInstrument instrument, int maxSamples, IntConsumer progress) {
        return compute(pool, cable, resistors, tEff, lengths, bandwidths, bitAt, xi, instrument, maxSamples,
                Map.of(), (i, c) -> { }, progress);
    }

    /**
     * The cells as they finish, in grid order: each new one (not in {@code known}) goes to {@code listener} and
     * advances {@code progress}, which counts the known ones in.
     */
    private static List<Cell> inGridOrder(List<Future<Cell>> futures, Map<Integer, Cell> known, CellListener listener,
            IntConsumer progress) throws InterruptedException, ExecutionException {
        List<Cell> cells = new ArrayList<>();
        int done = known.size();
        for (Future<Cell> f : futures) {
            Cell cell = f.get();
            cells.add(cell);
            if (!known.containsKey(cells.size() - 1)) {
                listener.cellDone(cells.size() - 1, cell);
                progress.accept(++done);
            }
        }
        return cells;
    }

    /** Receives each newly computed cell (in grid order) with its index (lengths fastest). */
    @FunctionalInterface
    public interface CellListener {
        void cellDone(int index, Cell cell);
    }

    /**
     * As {@link #compute(NgSpicePool, SecurityMap.PerKm, ResistorPair, double, double[], double[],
     * java.util.function.DoubleFunction, double, EveInstrument, int, IntConsumer)}, taking the cells in {@code known}
     * (by index: a resumed map) as they are and handing each newly computed cell to {@code listener}; {@code
     * progress} hears of computed cells only, counting the known ones in (as the success map's progress line).
     */
    public static KeyRateMap compute(NgSpicePool pool, SecurityMap.PerKm cable, ResistorPair resistors, double tEff,
            double[] lengths, double[] bandwidths, java.util.function.DoubleFunction<Integer> bitAt, double xi,
            EveInstrument instrument, int maxSamples, Map<Integer, Cell> known, CellListener listener,
            IntConsumer progress) {
        KeyRate.checkReconciliation(xi);
        // a ForkJoin pool, not a fixed one: the work a cell forks (the window Gram's rows, ForkJoinTask.invokeAll)
        // runs in this pool, stolen by its idle workers, instead of adding the common pool's threads beside the cells'.
        // Cells run as CompletableFutures, whose get() rethrows a cell's own exception (a ForkJoinTask's get() may
        // rethrow a copy built by reflection)
        ForkJoinPool exec = new ForkJoinPool(pool.size());
        try {
            List<Future<Cell>> futures = new ArrayList<>();
            for (double band : bandwidths) {
                for (double length : lengths) {
                    Cell done = known.get(futures.size());
                    if (done != null) {
                        futures.add(CompletableFuture.completedFuture(done));
                        continue;
                    }
                    Integer bitSamples = bitAt.apply(band);
                    futures.add(CompletableFuture.supplyAsync(() -> pool.withSession(spice -> {
                        double km = length / 1000;
                        LossyLine line = new LossyLine(cable.resistance() * km, cable.inductance() * km, 0,
                                cable.capacitance() * km);
                        Map<Situation, TransferFunctions> tf = ExactAnalysis.transferFunctions(spice, resistors, line,
                                BandShape.brickWall(band), ExactAnalysis.DEFAULT_POINTS, List.of(Situation.values()));
                        OptimalEavesdropper eve = OptimalEavesdropper.of(resistors, line, tf, band)
                                .withInstrument(instrument);
                        double beta = eve.betaMinimizing();
                        NoiseTemperatures best = eve.bestTemperatures(beta).temperatures().scaledTo(tEff);
                        Cell cell = null;
                        List<NoiseTemperatures> tried = new ArrayList<>();
                        boolean zeroByBound = false;
                        for (KeyRateDefences.Defence d : List.of(
                                new KeyRateDefences.Defence("beta minimising J", "betaMinimizing",
                                        NoiseTemperatures.standard(tEff, beta)),
                                new KeyRateDefences.Defence("best temperatures", "bestTemperatures", best))) {
                            // the best temperature set is often the β one itself (the two rates and bits were equal in
                            // each of the 7 cat5 cells profiled): the same rate, and a tie keeps the first defence
                            if (tried.stream().anyMatch(u -> sameTemperatures(u, d.temperatures()))) {
                                continue;
                            }
                            tried.add(d.temperatures());
                            KeyRateDefences.Row r = KeyRateDefences.row(KeyRateModel.of(resistors, line, tf,
                                    d.temperatures(), eve), d, xi, bitSamples, maxSamples);
                            zeroByBound |= r.zeroByBound();
                            if (cell == null || (r.rate().known() && !(r.bitsPerSecond() <= cell.bitsPerSecond()))) {
                                cell = new Cell(length, band, r.rate(), d.name(), d.temperatures(), false);
                            }
                        }
                        return new Cell(length, band, cell.rate(), cell.defence(), cell.temperatures(), zeroByBound);
                    }), exec));
                }
            }
            List<Cell> cells = inGridOrder(futures, known, listener, progress);
            return new KeyRateMap(cells, lengths.clone(), bandwidths.clone(), bitAt.apply(bandwidths[0]) != null, xi,
                    instrument, maxSamples);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("key-rate map interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            exec.shutdownNow();
        }
    }
}
