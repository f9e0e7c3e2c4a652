package io.chorus.platform;

import io.chorus.contracts.Platform;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A brand's account on a platform, from {@code brands[].accounts[]} of the configuration.
 *
 * @param id Chorus's id of the account
 * @param externalId the platform's id of it (page id, IG user id, organization URN, ...)
 * @param accessToken the token, already resolved from its secret reference by the config loader
 */
public record PlatformAccount(
    String id, Platform platform, String brandId, String handle, String externalId, String accessToken) {

  /** Every account of every brand in the configuration, whatever its platform. */
  public static List<PlatformAccount> allFromConfig(JsonObject config) {
    List<PlatformAccount> accounts = new ArrayList<>();
    for (JsonObject brand : objects(config.getJsonArray("brands"))) {
      for (JsonObject account : objects(brand.getJsonArray("accounts"))) {
        accounts.add(new PlatformAccount(
            account.getString("id"),
            Platform.of(account.getString("platform")),
            brand.getString("id"),
            account.getString("handle"),
            account.getString("externalId"),
            account.getString("accessToken")));
      }
    }
    return accounts;
  }

  private static List<JsonObject> objects(JsonArray array) {
    List<JsonObject> objects = new ArrayList<>();
    if (array != null) {
      for (int i = 0; i < array.size(); i++) {
        objects.add(array.getJsonObject(i));
      }
    }
    return objects;
  }

  /** The same account calling with another access token (a renewed one). */
  public PlatformAccount withAccessToken(String token) {
    return new PlatformAccount(id, platform, brandId, handle, externalId, token);
  }

  /** Per account id, its entry in {@code brands[].accounts[]}, for settings beyond these fields. */
  public static Map<String, JsonObject> entriesFromConfig(JsonObject config) {
    Map<String, JsonObject> entries = new HashMap<>();
    for (JsonObject brand : objects(config.getJsonArray("brands"))) {
      for (JsonObject account : objects(brand.getJsonArray("accounts"))) {
        entries.putIfAbsent(account.getString("id"), account);
      }
    }
    return entries;
  }

  /** The account as it may appear in logs: without its token. */
  @Override
  public String toString() {
    return "PlatformAccount[" + id + " on " + platform.id() + " as " + handle + "]";
  }
}
