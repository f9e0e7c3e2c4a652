package io.chorus.platform.engagement;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Map;

/**
 * What a brand wants done with comments and mentions, from {@code brands[]} of the
 * configuration: {@code autoReply} (draft a reply to each, default false) and the {@code voice}
 * replies are written in. Drafted replies go through the brand's review like any post.
 */
public record BrandEngagement(String brandId, boolean autoReply, String voice) {

  /** Each configured brand's choice, by brand id. */
  public static Map<String, BrandEngagement> fromConfig(JsonObject config) {
    Map<String, BrandEngagement> brands = new HashMap<>();
    JsonArray configured = config.getJsonArray("brands", new JsonArray());
    for (int i = 0; i < configured.size(); i++) {
      JsonObject brand = configured.getJsonObject(i);
      brands.put(brand.getString("id"), new BrandEngagement(brand.getString("id"),
          brand.getBoolean("autoReply", false), brand.getString("voice", "")));
    }
    return brands;
  }
}
