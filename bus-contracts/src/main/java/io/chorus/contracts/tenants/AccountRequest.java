package io.chorus.contracts.tenants;

import io.chorus.contracts.Platform;

/**
 * A request to the catalog about a brand's accounts. Fields an action does not use are null; for
 * UPDATE a null field is left as it is.
 *
 * @param status UPDATE: ACTIVE or PAUSED
 * @param credentials CREATE and UPDATE: tokens to store, replacing any stored before
 * @param actor who asks, as the audit log names them
 */
public record AccountRequest(
    CatalogAction action,
    String brandId,
    String accountId,
    Platform platform,
    String handle,
    String externalId,
    String status,
    AccountCredentials credentials,
    String actor) {}
