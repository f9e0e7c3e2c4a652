package io.chorus.contracts.metrics;

/** Latency percentiles in milliseconds over {@code count} samples; zeros when there are none. */
public record LatencySummary(long count, double p50Ms, double p95Ms, double maxMs) {

  public static final LatencySummary EMPTY = new LatencySummary(0, 0, 0, 0);
}
