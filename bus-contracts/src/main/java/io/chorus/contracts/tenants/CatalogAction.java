package io.chorus.contracts.tenants;

/** What a request to the catalog asks for: brands, accounts and campaigns share these verbs. */
public enum CatalogAction {
  /** Every row the request's brand may see; answered with a page. */
  LIST,
  /** One row; NOT_FOUND when there is none the brand may see. */
  GET,
  /** A new row managed through the API; CONFLICT when its id is taken. */
  CREATE,
  /** Changes the fields given (null leaves a field as it is); CONFLICT for rows the configuration manages. */
  UPDATE,
  /** Removes a row (accounts only); CONFLICT while it has work in flight or the configuration manages it. */
  DELETE
}
