package org.kljn.analysis.eavesdropper;

import org.kljn.analysis.finitebit.ExactProbabilities;

/**
 * The one-way secret-key rate of one design point (loop, line, generator temperatures, band, bit duration τ).
 *
 * <p><b>The model.</b> Each bit situation (HL, LH, HH, LL) is equally likely. HL and LH bits are kept, HH and LL
 * discarded: the kept fraction is ½. Alice's key bit is her own resistor (H: 1); Bob's copy follows from his
 * judgement of the situation. A kept bit disagrees when either party misjudges it: P(A or B wrong) of {@link
 * ExactProbabilities} in that situation, taken at the top of its bracket (plus numerics, so never understated),
 * and averaged over HL and LH: d. Alice and Bob's information per kept bit is then at least 1 − h(d) bits (Fano's
 * inequality with a uniform key bit; equal for a binary symmetric channel), and Eve's is I(K; Eve) of the exact
 * finite-window likelihood-ratio test on one bit's window, taken only from {@link OptimalResult#mutualInformation}
 * (an upper value) and only where that result bounds every detector ({@link OptimalResult#boundsEveryDetector}):
 * elsewhere Eve's information, and so the rate, is NaN ({@link #known}), never a number that could understate her. For independent bits the one-way secret-key capacity is at least I(A;B) − I(A;E) per kept bit (Csiszár
 * and Körner, IEEE Trans. IT 24:339, 1978); a reconciliation code of efficiency ξ keeps ξ·I(A;B) of Alice and
 * Bob's information, so the rate is
 * <pre>
 *   R = kept × [ξ·I(A;B) − I(A;E)]⁺ / τ   bit/s.
 * </pre>
 *
 * @param bitDuration         τ, s
 * @param errors              Alice's and Bob's errors per role and per situation
 * @param aliceBobInformation I(A;B) = 1 − h(d), bits per kept bit
 * @param eveInformation      I(A;E), bits per kept bit (an upper value); NaN where no bound is known
 * @param eveSuccess          Eve's likelihood-ratio success for the bit (an upper value), for the reader
 * @param eveMethod           how Eve's information was had ({@link OptimalResult#method}: "window" is a bound)
 * @param keptFraction        the fraction of exchanged bits kept
 * @param reconciliation      ξ in (0, 1]
 */
public record KeyRate(double bitDuration, Errors errors, double aliceBobInformation, double eveInformation,
                      double eveSuccess, String eveMethod, double keptFraction, double reconciliation) {

    /** HL and LH kept, HH and LL discarded, the four equally likely. */
    public static final double KEPT_FRACTION = 0.5;
    /** A reconciliation efficiency shown beside the one asked for: good LDPC codes reach about this. */
    public static final double PRACTICAL_RECONCILIATION = 0.95;

    public KeyRate {
        checkReconciliation(reconciliation);
        if (!(bitDuration > 0) || Double.isInfinite(bitDuration)) {
            throw new IllegalArgumentException("bit duration must be positive and finite, got " + bitDuration + " s");
        }
    }

    /**
     * Alice's and Bob's errors.
     *
     * @param highHolderError P(the R_H holder misjudges the situation), averaged over HL (Alice holds R_H) and LH (Bob)
     * @param lowHolderError  the same for the R_L holder
     * @param disagreementHl  P(a kept HL bit disagrees): P(Alice or Bob wrong) in HL, the top of its bracket, ≤ ½
     * @param disagreementLh  the same in LH
     */
    public record Errors(double highHolderError, double lowHolderError, double disagreementHl,
                         double disagreementLh) {
        /** The two secure situations' disagreement averaged (equal priors): what reconciliation must correct. */
        public double disagreement() {
            return 0.5 * (disagreementHl + disagreementLh);
        }

        /** From the exact probabilities of one bit: per role and per situation. */
        public static Errors of(ExactProbabilities.AliceBob hl, ExactProbabilities.AliceBob lh) {
            return new Errors(0.5 * (hl.aliceError() + lh.bobError()), 0.5 * (hl.bobError() + lh.aliceError()),
                    upper(hl), upper(lh));
        }

        private static double upper(ExactProbabilities.AliceBob s) {
            return Math.min(0.5, s.errorProbability() + s.errorBound());
        }
    }

    /**
     * The key rate of a bit from Alice's and Bob's errors in the two secure situations and Eve's result for the same
     * bit and temperatures: her information only where {@code eve} bounds every detector, else NaN.
     */
    public static KeyRate of(Errors errors, OptimalResult eve, double xi) {
        boolean bound = eve.boundsEveryDetector() && Double.isFinite(eve.mutualInformation());
        return new KeyRate(eve.bitDuration(), errors, aliceBobInformation(errors),
                bound ? eve.mutualInformation() : Double.NaN, bound ? eve.successProbability() : Double.NaN,
                eve.method(), KEPT_FRACTION, xi);
    }

    /** Whether Eve's information is a bound here, so that the rate means something (else it is NaN). */
    public boolean known() {
        return !Double.isNaN(eveInformation);
    }

    /**
     * Whether R = 0 here only because Eve's information is a bound ({@link OptimalResult#WINDOW_BOUND}) that reaches
     * ξ·I(A;B): her exact information may be lower, so this bit may still give a key; a verdict must not say "no
     * key" from it.
     */
    public boolean zeroByBound() {
        return known() && !(bitsPerKeptBit() > 0) && OptimalResult.WINDOW_BOUND.equals(eveMethod)
                && reconciliation * aliceBobInformation > 0;
    }

    /** ξ is an efficiency: in (0, 1]. */
    public static double checkReconciliation(double xi) {
        if (!(xi > 0 && xi <= 1)) {
            throw new org.kljn.circuit.ParameterException(org.kljn.circuit.Parameter.RECONCILIATION,
                    org.kljn.circuit.Parameter.RECONCILIATION.description() + " " + xi + ": allowed (0, 1] (1: the"
                    + " Shannon limit; 0.95: a good LDPC code)");
        }
        return xi;
    }

    /** The binary entropy h(p) in bits. */
    public static double binaryEntropy(double p) {
        if (p <= 0 || p >= 1) {
            return 0;
        }
        return -(p * Math.log(p) + (1 - p) * Math.log1p(-p)) / Math.log(2);
    }

    /** I(A;B) per kept bit: 1 − h(d), d the disagreement averaged over HL and LH (Fano: a lower value). */
    public static double aliceBobInformation(Errors e) {
        return 1 - binaryEntropy(e.disagreement());
    }

    /** The secret bits per kept bit: [ξ·I(A;B) − I(A;E)]⁺ (NaN where Eve's information is not known). */
    public double bitsPerKeptBit() {
        return known() ? Math.max(0, reconciliation * aliceBobInformation - eveInformation) : Double.NaN;
    }

    /** R = kept × [ξ·I(A;B) − I(A;E)]⁺ / τ, bit/s. */
    public double bitsPerSecond() {
        return keptFraction * bitsPerKeptBit() / bitDuration;
    }

    /** The rate's own numbers as every output writes them ({@link Fields}). */
    public Fields fields() {
        return new Fields(orNull(bitsPerSecond()), orNull(bitsPerKeptBit()), aliceBobInformation, orNull(eveInformation),
                keptFraction, reconciliation, bitDuration, eveMethod);
    }

    private static Double orNull(double v) {
        return Double.isNaN(v) ? null : v;
    }

    /**
     * The rate's own numbers, by the names every output uses: the JSON's {@code keyRate.*} (this record, unwrapped),
     * summary.json's key-rate rows and the sweep's {@code keyRate_*} columns ({@link #byName}): R in bit/s, secret bits
     * per kept bit, I(A;B), I(A;E), the kept fraction, ξ, τ and how Eve's information was had. The three numbers that
     * need Eve's information are null where it is not a bound. The one place those names and their order are
     * written.
     *
     * @param bitsPerSecond       R, bit/s ({@link #bitsPerSecond()}); null where Eve's information is not known
     * @param bitsPerKeptBit      [ξ·I(A;B) − I(A;E)]⁺; null where Eve's information is not known
     * @param aliceBobInformation I(A;B), bits per kept bit
     * @param eveInformation      I(A;E), bits per kept bit (an upper value); null where no bound is known
     * @param keptFraction        the fraction of exchanged bits kept
     * @param reconciliation      ξ
     * @param bitDuration         τ, s
     * @param eveMethod           how Eve's information was had
     */
    public record Fields(Double bitsPerSecond, Double bitsPerKeptBit, double aliceBobInformation,
                         Double eveInformation, double keptFraction, double reconciliation, double bitDuration,
                         String eveMethod) {
        /** The components by name, in their order here (the sweep's columns: a new component is a new column). */
        public java.util.Map<String, Object> byName() {
            java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
            for (java.lang.reflect.RecordComponent c : Fields.class.getRecordComponents()) {
                try {
                    m.put(c.getName(), c.getAccessor().invoke(this));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot read the key rate's " + c.getName(), e);
                }
            }
            return m;
        }
    }

    /** The same point with another reconciliation efficiency. */
    public KeyRate withReconciliation(double xi) {
        return new KeyRate(bitDuration, errors, aliceBobInformation, eveInformation, eveSuccess, eveMethod,
                keptFraction, xi);
    }

    /**
     * The highest rate any bit of {@code seconds} or longer can give with this kept fraction and ξ: I(A;B) ≤ 1 and
     * I(A;E) ≥ 0, so R ≤ kept ξ / τ (what stops the search for the best bit duration).
     */
    public static double ceiling(double keptFraction, double xi, double seconds) {
        return keptFraction * xi / seconds;
    }
}
