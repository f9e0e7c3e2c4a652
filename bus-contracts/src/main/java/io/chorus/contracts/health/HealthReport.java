package io.chorus.contracts.health;

/**
 * A component's health.
 *
 * @param up whether it can do its job
 * @param degraded whether it does so with a fallback (for example a local rate limiter while Redis is down)
 */
public record HealthReport(String component, boolean up, boolean degraded, String detail) {}
