package org.kljn.analysis.montecarlo;

/**
 * The time layout of many bit exchanges in one transient run: window w occupies
 * [w·period, (w+1)·period); its first {@code guard} seconds let the line forget the previous bit, and Eve,
 * Alice and Bob measure over the remaining {@code measurement} seconds.
 *
 * @param count       number of windows
 * @param guard       guard interval at the start of each window, s
 * @param measurement measured part of each window (the bit duration τ), s
 */
public record BitWindows(int count, double guard, double measurement) {
    public BitWindows {
        if (count < 1 || !(measurement > 0) || !(guard >= 0)) {
            throw new IllegalArgumentException("bit windows need count >= 1, measurement > 0, guard >= 0; got "
                    + count + ", " + measurement + ", " + guard);
        }
    }

    public double period() {
        return guard + measurement;
    }

    public double stopTime() {
        return count * period();
    }

    public double measurementStart(int w) {
        return w * period() + guard;
    }

    public double measurementEnd(int w) {
        return (w + 1) * period();
    }
}
