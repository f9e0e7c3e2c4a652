package io.chorus.contracts.tenants;

import java.util.List;

/** API tokens, newest first, without their secrets. */
public record ApiTokenPage(List<ApiToken> items) {

  public ApiTokenPage {
    items = List.copyOf(items);
  }
}
