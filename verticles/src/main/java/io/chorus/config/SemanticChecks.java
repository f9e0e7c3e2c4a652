package io.chorus.config;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The rules the schema cannot express: unique ids, campaigns that name a defined brand with an
 * account on each of their platforms (and a disclosure when they are sponsored), demo secrets only towards this machine, real time zones.
 * It reads defensively, so it can run on a configuration that also broke the schema.
 */
final class SemanticChecks {
  private static final String DEMO_PREFIX = "demo:";

  private final JsonObject config;
  private final List<String> problems = new ArrayList<>();
  private final Map<String, Integer> brandIndex = new LinkedHashMap<>();

  private SemanticChecks(JsonObject config) {
    this.config = config;
  }

  static List<String> of(JsonObject config) {
    SemanticChecks checks = new SemanticChecks(config);
    checks.brands();
    checks.campaigns();
    checks.backoff();
    checks.databasePassword();
    checks.imageKeys();
    return checks.problems;
  }

  private void brands() {
    JsonArray brands = array(config, "brands");
    Map<String, String> brandIds = new HashMap<>();
    Map<String, String> accountIds = new HashMap<>();
    for (int i = 0; i < brands.size(); i++) {
      if (brands.getValue(i) instanceof JsonObject brand) {
        String path = "brands[" + i + "]";
        String id = string(brand, "id");
        uniqueId(brandIds, id, path, "brand");
        if (id != null) {
          brandIndex.putIfAbsent(id, i);
        }
        timeZone(brand, path);
        JsonArray accounts = array(brand, "accounts");
        for (int j = 0; j < accounts.size(); j++) {
          if (accounts.getValue(j) instanceof JsonObject account) {
            String accountPath = path + ".accounts[" + j + "]";
            uniqueId(accountIds, string(account, "id"), accountPath, "account");
            demoToken(account, accountPath);
          }
        }
      }
    }
  }

  private void campaigns() {
    JsonArray campaigns = array(config, "campaigns");
    Map<String, String> campaignIds = new HashMap<>();
    for (int k = 0; k < campaigns.size(); k++) {
      if (campaigns.getValue(k) instanceof JsonObject campaign) {
        String path = "campaigns[" + k + "]";
        uniqueId(campaignIds, string(campaign, "id"), path, "campaign");
        String brand = string(campaign, "brand");
        if (brand != null && !brandIndex.containsKey(brand)) {
          String known = brandIndex.isEmpty()
              ? "the id of a brand under brands"
              : "one of " + Phrases.list(brandIndex.keySet());
          problems.add(path + ".brand: \"" + brand + "\" is not a defined brand; expected " + known);
        } else if (brand != null) {
          coverage(campaign, path, brand);
          disclosure(campaign, path, brand);
        }
      }
    }
  }

  private void coverage(JsonObject campaign, String path, String brand) {
    int index = brandIndex.get(brand);
    JsonObject brandConfig = config.getJsonArray("brands").getJsonObject(index);
    Set<String> served = new TreeSet<>();
    JsonArray accounts = array(brandConfig, "accounts");
    for (int j = 0; j < accounts.size(); j++) {
      if (accounts.getValue(j) instanceof JsonObject account && string(account, "platform") != null) {
        served.add(string(account, "platform"));
      }
    }
    JsonArray platforms = array(campaign, "platforms");
    for (int m = 0; m < platforms.size(); m++) {
      if (platforms.getValue(m) instanceof String platform && !served.contains(platform)) {
        problems.add(path + ".platforms[" + m + "]: \"" + platform + "\" has no account of brand \"" + brand
            + "\"; expected an account with platform " + platform + " under brands[" + index + "].accounts");
      }
    }
  }

  private void disclosure(JsonObject campaign, String path, String brand) {
    int index = brandIndex.get(brand);
    JsonObject brandConfig = config.getJsonArray("brands").getJsonObject(index);
    if (Boolean.TRUE.equals(campaign.getValue("sponsored")) && string(brandConfig, "disclosure") == null) {
      problems.add(path + ".sponsored: true but brand \"" + brand + "\" has no disclosure to carry; expected a"
          + " disclosure such as \"#ad\" under brands[" + index + "].disclosure");
    }
  }

  private void demoToken(JsonObject account, String path) {
    String token = string(account, "accessToken");
    String platform = string(account, "platform");
    if (token == null || !token.startsWith(DEMO_PREFIX) || platform == null) {
      return;
    }
    Object baseUrl = JsonPointers.valueAt(config, "/platforms/" + platform + "/baseUrl");
    if (!(baseUrl instanceof String url) || !Loopback.url(url)) {
      problems.add(path + ".accessToken: \"" + token + "\" is a demo secret but platforms." + platform
          + ".baseUrl " + Phrases.value(baseUrl, null) + " is not on this machine; expected env:VAR or"
          + " file:/path, or a baseUrl on 127.0.0.0/8, ::1 or localhost (the simulator)");
    }
  }

  /** Image generator keys follow the platforms' rule: a demo key only towards the simulator. */
  private void imageKeys() {
    for (String provider : List.of("openai", "stability")) {
      Object key = JsonPointers.valueAt(config, "/content/images/" + provider + "/apiKey");
      Object baseUrl = JsonPointers.valueAt(config, "/content/images/" + provider + "/baseUrl");
      if (key instanceof String text && text.startsWith(DEMO_PREFIX)
          && !(baseUrl instanceof String url && Loopback.url(url))) {
        problems.add("content.images." + provider + ".apiKey: \"" + text + "\" is a demo secret but content.images."
            + provider + ".baseUrl " + Phrases.value(baseUrl, null) + " is not on this machine; expected env:VAR or"
            + " file:/path, or a baseUrl on 127.0.0.0/8, ::1 or localhost (the simulator)");
      }
    }
  }

  private void databasePassword() {
    JsonObject database = config.getValue("database") instanceof JsonObject object ? object : new JsonObject();
    String password = string(database, "password");
    if (password != null && password.startsWith(DEMO_PREFIX) && !Loopback.host(string(database, "host"))) {
      problems.add("database.password: \"" + password + "\" is a demo secret but database.host "
          + Phrases.value(database.getValue("host"), null) + " is not on this machine; expected env:VAR or file:/path");
    }
  }

  private void timeZone(JsonObject brand, String path) {
    String zone = string(brand, "timeZone");
    try {
      if (zone != null) {
        ZoneId.of(zone);
      }
    } catch (DateTimeException unknown) {
      problems.add(path + ".timeZone: \"" + zone + "\" is not a known time zone;"
          + " expected an IANA time zone such as Europe/Paris");
    }
  }

  private void backoff() {
    Object initial = JsonPointers.valueAt(config, "/pipeline/backoff/initialMs");
    Object max = JsonPointers.valueAt(config, "/pipeline/backoff/maxMs");
    if (initial instanceof Number first && max instanceof Number last && first.longValue() > last.longValue()) {
      problems.add("pipeline.backoff.initialMs: " + first + " is more than pipeline.backoff.maxMs (" + last
          + "); expected at most " + last);
    }
  }

  private void uniqueId(Map<String, String> seen, String id, String path, String noun) {
    String previous = id == null ? null : seen.putIfAbsent(id, path);
    if (previous != null) {
      problems.add(path + ".id: \"" + id + "\" is already the id of " + previous
          + "; expected a unique " + noun + " id");
    }
  }

  private static JsonArray array(JsonObject parent, String key) {
    return parent.getValue(key) instanceof JsonArray array ? array : new JsonArray();
  }

  private static String string(JsonObject parent, String key) {
    return parent.getValue(key) instanceof String text ? text : null;
  }
}
