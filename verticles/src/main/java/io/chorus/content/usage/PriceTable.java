package io.chorus.content.usage;

import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Map;

/** The prices of {@code content.prices}, by model name; a model not listed costs nothing. */
public final class PriceTable {
  private final Map<String, Price> byModel;

  private PriceTable(Map<String, Price> byModel) {
    this.byModel = Map.copyOf(byModel);
  }

  public static PriceTable fromConfig(JsonObject config) {
    JsonObject prices = config.getJsonObject("content", new JsonObject()).getJsonObject("prices", new JsonObject());
    Map<String, Price> byModel = new HashMap<>();
    for (String model : prices.fieldNames()) {
      JsonObject price = prices.getJsonObject(model);
      byModel.put(model, new Price(price.getDouble("inputPerMillion", 0.0), price.getDouble("outputPerMillion", 0.0),
          price.getDouble("perImage", 0.0)));
    }
    return new PriceTable(byModel);
  }

  public Price of(String model) {
    return byModel.getOrDefault(model, Price.FREE);
  }

  /** Whether the table names this model, so an unpriced model can be warned about once. */
  public boolean lists(String model) {
    return byModel.containsKey(model);
  }
}
