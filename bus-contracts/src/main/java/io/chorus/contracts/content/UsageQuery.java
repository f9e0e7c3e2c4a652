package io.chorus.contracts.content;

import java.time.LocalDate;

/**
 * Ask the Content verticle what LLM generation used and cost.
 *
 * @param brandId only this brand, or null for every brand
 * @param from first UTC day included, or null for no lower bound
 * @param to last UTC day included, or null for no upper bound
 */
public record UsageQuery(String brandId, LocalDate from, LocalDate to) {}
