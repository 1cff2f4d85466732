package org.kljn.analysis.exact;

import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;
import org.apache.commons.math3.optim.univariate.UnivariatePointValuePair;

import java.util.function.DoubleUnaryOperator;

/**
 * The minimum of a function of β > 0 that may have several local minima (a maximum over attacks has kinks): a
 * log-spaced scan over [lo, hi], then Brent's method in log β between the best scan point's neighbours. The
 * minimax β of the attacks and the β minimising the Jeffreys rate are both found this way.
 */
public final class LogScanMinimum {
    private LogScanMinimum() {
    }

    /**
     * @param scanPoints  points of the log-spaced scan, both ends included
     * @param relative    Brent's relative tolerance in log β
     * @param absolute    Brent's absolute tolerance in log β
     * @param evaluations Brent's evaluation budget
     * @return the β of the smaller of the best scan value and Brent's result
     */
    public static double of(DoubleUnaryOperator f, double lo, double hi, int scanPoints, double relative, double absolute,
            int evaluations) {
        double ratio = Math.pow(hi / lo, 1.0 / (scanPoints - 1));
        double best = lo;
        double bestValue = Double.POSITIVE_INFINITY;
        for (int i = 0; i < scanPoints; i++) {
            double b = lo * Math.pow(ratio, i);
            double v = f.applyAsDouble(b);
            if (v < bestValue) {
                bestValue = v;
                best = b;
            }
        }
        double left = Math.log(Math.max(lo, best / ratio));
        double right = Math.log(Math.min(hi, best * ratio));
        if (right <= left) {
            return best;
        }
        UnivariatePointValuePair opt = new BrentOptimizer(relative, absolute).optimize(new MaxEval(evaluations),
                new UnivariateObjectiveFunction(x -> f.applyAsDouble(Math.exp(x))), GoalType.MINIMIZE,
                new SearchInterval(left, right, Math.log(best)));
        return opt.getValue() <= bestValue ? Math.exp(opt.getPoint()) : best;
    }
}
