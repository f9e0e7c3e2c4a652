package io.chorus.content.usage;

import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Map;

/**
 * Each brand's monthly LLM budget in US dollars, from {@code content.budgets}: the brand's own
 * ({@code brands.<id>}) or else {@code defaultMonthlyUsd}; none means unlimited.
 */
public final class Budgets {
  private final Double defaultMonthly;
  private final Map<String, Double> byBrand;

  private Budgets(Double defaultMonthly, Map<String, Double> byBrand) {
    this.defaultMonthly = defaultMonthly;
    this.byBrand = Map.copyOf(byBrand);
  }

  public static Budgets fromConfig(JsonObject config) {
    JsonObject budgets = config.getJsonObject("content", new JsonObject()).getJsonObject("budgets", new JsonObject());
    Map<String, Double> byBrand = new HashMap<>();
    JsonObject brands = budgets.getJsonObject("brands", new JsonObject());
    brands.fieldNames().forEach(brand -> byBrand.put(brand, brands.getDouble(brand)));
    return new Budgets(budgets.getDouble("defaultMonthlyUsd"), byBrand);
  }

  /** The brand's monthly budget, or null when it has none. */
  public Double monthly(String brandId) {
    return byBrand.getOrDefault(brandId, defaultMonthly);
  }
}
