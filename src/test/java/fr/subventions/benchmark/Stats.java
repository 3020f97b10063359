package fr.subventions.benchmark;

import java.util.Arrays;

/** Milliseconds measured, and their mean and percentiles (nearest rank). */
final class Stats {

    private final double[] sorted;

    Stats(double[] millis) {
        this.sorted = millis.clone();
        Arrays.sort(this.sorted);
    }

    static Stats ofNanos(long[] nanos, int count) {
        double[] millis = new double[count];
        for (int i = 0; i < count; i++) {
            millis[i] = nanos[i] / 1e6;
        }
        return new Stats(millis);
    }

    int count() {
        return sorted.length;
    }

    double mean() {
        return Arrays.stream(sorted).average().orElse(Double.NaN);
    }

    double max() {
        return sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1];
    }

    double sum() {
        return Arrays.stream(sorted).sum();
    }

    /** The p-th percentile, nearest rank: the smallest value with at least p % of the values at or below it. */
    double p(double percent) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
