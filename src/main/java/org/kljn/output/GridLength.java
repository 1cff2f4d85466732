package org.kljn.output;

import com.fasterxml.jackson.annotation.JsonValue;
import org.kljn.circuit.SpiceNumbers;

import java.util.Arrays;
import java.util.List;

/**
 * A cable length read off a map's length grid, m: NaN means "not even at the grid's shortest length", +∞ "at every
 * length of the grid". JSON has no NaN or infinity: null and the string {@code "all"} stand for them.
 */
public record GridLength(double metres) {
    /** Each of {@code v}. */
    public static List<GridLength> of(double[] v) {
        return Arrays.stream(v).mapToObj(GridLength::new).toList();
    }

    /** The JSON value: null, "all" or the metres. */
    @JsonValue
    Object json() {
        return Double.isNaN(metres) ? null : Double.isInfinite(metres) ? "all" : (Object) metres;
    }

    /** In words for the text tables, against the grid {@code lengths}: {@code "< 10 m"}, {@code ">= 10 km"} or the length. */
    public String text(double[] lengths) {
        if (Double.isNaN(metres)) {
            return "< " + SpiceNumbers.metres(lengths[0]);
        }
        if (Double.isInfinite(metres)) {
            return ">= " + SpiceNumbers.metres(lengths[lengths.length - 1]);
        }
        return SpiceNumbers.metres(metres);
    }
}
