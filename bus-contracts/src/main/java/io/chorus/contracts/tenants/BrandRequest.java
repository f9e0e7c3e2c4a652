package io.chorus.contracts.tenants;

import java.util.List;

/**
 * A request to the catalog about brands. Fields an action does not use are null; for UPDATE a null
 * field is left as it is.
 *
 * @param brandId the brand asked about; for LIST the only brand to list, or null for every brand
 * @param actor who asks, as the audit log names them
 */
public record BrandRequest(
    CatalogAction action,
    String brandId,
    String name,
    String timeZone,
    String voice,
    List<String> bannedWords,
    String actor) {

  public BrandRequest {
    bannedWords = bannedWords == null ? null : List.copyOf(bannedWords);
  }
}
