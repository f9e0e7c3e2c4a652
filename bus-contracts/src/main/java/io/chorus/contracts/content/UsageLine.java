package io.chorus.contracts.content;

import java.time.LocalDate;

/**
 * What one provider's model did for one brand on one UTC day.
 *
 * @param requests generations billed (cache hits are not)
 * @param cost US dollars, from the configured price table
 */
public record UsageLine(LocalDate day, String brandId, String provider, String model, long requests,
    long inputTokens, long outputTokens, double cost) {}
