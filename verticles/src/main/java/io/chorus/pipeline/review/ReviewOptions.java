package io.chorus.pipeline.review;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * The deployment-wide review settings: the {@code review} section of the configuration.
 *
 * @param profanity words no brand's post may use
 * @param recentPosts how many of an account's latest scheduled or published posts a new one is compared with
 * @param nearDuplicateThreshold the similarity at or above which a post counts as a near-duplicate
 */
public record ReviewOptions(List<String> profanity, int recentPosts, double nearDuplicateThreshold) {

  public static ReviewOptions fromConfig(JsonObject config) {
    JsonObject review = config.getJsonObject("review");
    JsonObject nearDuplicate = review.getJsonObject("nearDuplicate");
    List<String> profanity = new ArrayList<>();
    review.getJsonArray("profanity").forEach(word -> profanity.add(String.valueOf(word)));
    return new ReviewOptions(List.copyOf(profanity), nearDuplicate.getInteger("recentPosts"),
        nearDuplicate.getDouble("threshold"));
  }
}
