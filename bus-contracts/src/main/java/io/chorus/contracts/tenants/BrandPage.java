package io.chorus.contracts.tenants;

import java.util.List;

/** The brands a {@link BrandRequest} LIST may see, by id. */
public record BrandPage(List<Brand> items) {

  public BrandPage {
    items = List.copyOf(items);
  }
}
