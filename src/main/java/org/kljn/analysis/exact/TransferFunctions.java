package org.kljn.analysis.exact;

/**
 * Transfer functions from each generator's voltage to Eve's four probes on a uniform frequency grid, with
 * the quadrature weights of the band: ∫ g(f) F(f) df ≈ Σ_k weight[k] F(f_k) (Simpson's rule times the band
 * shape g), and the same on every second point ({@code coarseWeight}) for Richardson's error estimate.
 *
 * @param frequency    the grid, Hz
 * @param weight       Simpson weight × g(f_k), Hz
 * @param coarseWeight Simpson weight on the half-resolution grid × g, Hz (zero on the skipped points)
 * @param aliceRe      Re H from Alice's generator, [probe][k]
 * @param aliceIm      Im H from Alice's generator
 * @param bobRe        Re H from Bob's generator
 * @param bobIm        Im H from Bob's generator
 * @param extraError   relative error not seen by Richardson: the band's tail above the grid and the
 *                     sliver below its first frequency
 * @param gain         the band shape g(f_k)
 */
public record TransferFunctions(double[] frequency, double[] weight, double[] coarseWeight, double[][] aliceRe,
        double[][] aliceIm, double[][] bobRe, double[][] bobIm, double extraError, double[] gain) {

    /** The band shape g(f_k) at grid point k. */
    public double gainAt(int k) {
        return gain[k];
    }

    public int size() {
        return frequency.length;
    }
}
