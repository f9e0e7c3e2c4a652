package io.chorus.contracts.tenants;

import io.chorus.contracts.Platform;

/**
 * An account managed through the API was created, changed or deleted (publish), so that the
 * platform agents on every node read it afresh before they next publish for it.
 *
 * @param change {@code created}, {@code updated} or {@code deleted}
 */
public record AccountChanged(String accountId, Platform platform, String brandId, String change) {}
