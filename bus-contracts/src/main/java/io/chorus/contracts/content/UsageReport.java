package io.chorus.contracts.content;

import java.util.List;

/** The usage lines a {@link UsageQuery} selected, by day then brand, provider and model. */
public record UsageReport(List<UsageLine> items) {

  public UsageReport {
    items = List.copyOf(items);
  }
}
