package io.chorus.pipeline.review;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * A brand's review settings as configured under {@code brands[]}: how posts are approved and the
 * rules they must keep. Absent settings check nothing.
 *
 * @param bannedWords words and phrases (several words) the brand's posts must not use
 * @param disclosure what a sponsored campaign's posts must carry, such as {@code #ad}; may be null
 * @param allowedLinkDomains the domains links may point at (with their subdomains); null allows any
 * @param maxHashtags at most this many hashtags per post; null for no limit
 * @param maxMentions at most this many mentions per post; null for no limit
 */
public record BrandRules(
    ApprovalMode approval,
    List<String> bannedWords,
    String disclosure,
    List<String> allowedLinkDomains,
    Integer maxHashtags,
    Integer maxMentions) {

  private static final String APPROVAL = "approval";
  private static final String BANNED_WORDS = "bannedWords";
  private static final String DISCLOSURE = "disclosure";
  private static final String ALLOWED_LINK_DOMAINS = "allowedLinkDomains";
  private static final String MAX_HASHTAGS = "maxHashtags";
  private static final String MAX_MENTIONS = "maxMentions";

  /** The settings of one configured brand (a {@code brands[]} item). */
  public static BrandRules fromBrand(JsonObject brand) {
    return new BrandRules(
        ApprovalMode.of(brand.getString(APPROVAL, ApprovalMode.AUTOMATIC.id())),
        strings(brand.getJsonArray(BANNED_WORDS, new JsonArray())),
        brand.getString(DISCLOSURE),
        brand.containsKey(ALLOWED_LINK_DOMAINS) ? strings(brand.getJsonArray(ALLOWED_LINK_DOMAINS)) : null,
        brand.getInteger(MAX_HASHTAGS),
        brand.getInteger(MAX_MENTIONS));
  }

  /** The settings as stored with a brand: its approval column and its rules column. */
  public static BrandRules fromStored(String approval, JsonObject rules) {
    return fromBrand(rules.copy().put(APPROVAL, approval));
  }

  /** The rules (everything but the approval mode) as stored in the brand's {@code review_rules} column. */
  public JsonObject rulesJson() {
    JsonObject json = new JsonObject().put(BANNED_WORDS, new JsonArray(bannedWords));
    if (disclosure != null) {
      json.put(DISCLOSURE, disclosure);
    }
    if (allowedLinkDomains != null) {
      json.put(ALLOWED_LINK_DOMAINS, new JsonArray(allowedLinkDomains));
    }
    if (maxHashtags != null) {
      json.put(MAX_HASHTAGS, maxHashtags);
    }
    if (maxMentions != null) {
      json.put(MAX_MENTIONS, maxMentions);
    }
    return json;
  }

  private static List<String> strings(JsonArray array) {
    List<String> values = new ArrayList<>();
    array.forEach(value -> values.add(String.valueOf(value)));
    return List.copyOf(values);
  }
}
