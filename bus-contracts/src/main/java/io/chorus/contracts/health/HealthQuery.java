package io.chorus.contracts.health;

/** Ask a component how it is. */
public record HealthQuery() {}
