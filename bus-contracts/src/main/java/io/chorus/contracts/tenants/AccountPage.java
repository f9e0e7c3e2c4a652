package io.chorus.contracts.tenants;

import java.util.List;

/** A brand's accounts, by id. */
public record AccountPage(List<Account> items) {

  public AccountPage {
    items = List.copyOf(items);
  }
}
