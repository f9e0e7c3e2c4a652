package io.chorus.content.variant;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * How many variants each post gets and the angles they take: {@code content.variants} and
 * {@code content.angles}. Each post starts at a different place in the angle list, so over a
 * campaign every angle is written, chosen and published, and reports can compare them.
 */
public record VariantOptions(int count, List<String> angles) {
  public static final int DEFAULT_COUNT = 1;
  /** The offline generator's angles, in an order where neighbours read unlike each other. */
  public static final List<String> DEFAULT_ANGLES = List.of(
      "news", "story", "question", "benefit", "trend", "behind-the-scenes", "tip", "fact", "community");

  public VariantOptions {
    if (count < 1) {
      throw new IllegalArgumentException("content.variants must be at least 1, not " + count);
    }
    if (angles.isEmpty()) {
      throw new IllegalArgumentException("content.angles must name at least one angle");
    }
    angles = List.copyOf(angles);
  }

  public static VariantOptions fromConfig(JsonObject config) {
    JsonObject content = config.getJsonObject("content", new JsonObject());
    JsonArray configured = content.getJsonArray("angles");
    List<String> angles = new ArrayList<>();
    if (configured == null) {
      angles.addAll(DEFAULT_ANGLES);
    } else {
      configured.forEach(angle -> angles.add(String.valueOf(angle)));
    }
    return new VariantOptions(content.getInteger("variants", DEFAULT_COUNT), angles);
  }

  /**
   * The angles of one post's variants, variant 1 first: consecutive angles of the list from a
   * place the post's seed picks, so variants of one post never share an angle while there are
   * enough angles, and successive posts lead with different ones.
   */
  public List<String> anglesFor(long seed) {
    int start = Math.floorMod(Long.hashCode(seed * 0x9E3779B97F4A7C15L), angles.size());
    List<String> chosen = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      chosen.add(angles.get((start + i) % angles.size()));
    }
    return chosen;
  }
}
