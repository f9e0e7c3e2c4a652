package io.chorus.content.prompt;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the system prompt says about a brand: its name and voice, the topics it never touches
 * ({@code brands[].bannedTopics}) and the words its posts must not use ({@code brands[].bannedWords}).
 */
public record BrandProfile(String id, String name, String voice, List<String> bannedTopics, List<String> bannedWords) {

  public BrandProfile {
    bannedTopics = List.copyOf(bannedTopics);
    bannedWords = List.copyOf(bannedWords);
  }

  /** A brand the configuration does not describe: only its id is known. */
  public static BrandProfile unknown(String id) {
    return new BrandProfile(id, id, null, List.of(), List.of());
  }

  /** Every brand of the configuration's {@code brands} list, by id. */
  public static Map<String, BrandProfile> fromConfig(JsonObject config) {
    Map<String, BrandProfile> brands = new HashMap<>();
    for (Object each : config.getJsonArray("brands", new JsonArray())) {
      if (each instanceof JsonObject brand) {
        String id = brand.getString("id");
        brands.put(id, new BrandProfile(id, brand.getString("name", id), brand.getString("voice"),
            strings(brand.getJsonArray("bannedTopics")), strings(brand.getJsonArray("bannedWords"))));
      }
    }
    return brands;
  }

  private static List<String> strings(JsonArray array) {
    List<String> values = new ArrayList<>();
    if (array != null) {
      array.forEach(value -> values.add(String.valueOf(value)));
    }
    return values;
  }
}
