package dev.rebound.worker.domain;

/** The Wilson score interval of a proportion: honest at small counts and near 0 or 1. */
public final class Wilson {

    /** z for a two-sided 95 % interval. */
    public static final double Z95 = 1.959963984540054;

    private Wilson() {
    }

    /** {low, high} of the 95 % interval of successes / trials; trials must be positive. */
    public static double[] interval(long successes, long trials) {
        double n = trials;
        double p = successes / n;
        double z2 = Z95 * Z95;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = Z95 * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / (1 + z2 / n);
        return new double[] {Math.max(0, centre - half), Math.min(1, centre + half)};
    }
}
