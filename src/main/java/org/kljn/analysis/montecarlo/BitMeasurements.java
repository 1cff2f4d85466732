package org.kljn.analysis.montecarlo;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;

/**
 * What the transient measured on each bit: the time averages of the six products ({@link WindowMoments}) and the
 * likelihood-ratio eavesdropper's statistic Λ. The blocks write disjoint bits from their threads; read it after they
 * have all ended.
 */
final class BitMeasurements {
    private final double[] averages;
    private final double[] likelihoodRatio;

    BitMeasurements(int bits) {
        averages = new double[bits * WindowMoments.PRODUCTS];
        likelihoodRatio = new double[bits];
    }

    void putAverages(int bit, double[] windowAverages) {
        System.arraycopy(windowAverages, 0, averages, bit * WindowMoments.PRODUCTS, WindowMoments.PRODUCTS);
    }

    void putLikelihoodRatio(int bit, double statistic) {
        likelihoodRatio[bit] = statistic;
    }

    /** Λ of every bit (0 where no likelihood-ratio detector ran); the array itself. */
    double[] likelihoodRatios() {
        return likelihoodRatio;
    }

    /** Each bit's six averages, a copy per access, without copying the whole. */
    List<double[]> averages() {
        int n = likelihoodRatio.length;
        return new AbstractList<>() {
            @Override
            public double[] get(int i) {
                return Arrays.copyOfRange(averages, i * WindowMoments.PRODUCTS, (i + 1) * WindowMoments.PRODUCTS);
            }

            @Override
            public int size() {
                return n;
            }
        };
    }
}
