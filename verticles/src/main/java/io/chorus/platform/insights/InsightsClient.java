package io.chorus.platform.insights;

import io.chorus.platform.PlatformAccount;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.Map;

/** Reads one platform's insights of an account's published posts, in Chorus's {@link Metric} names. */
public interface InsightsClient {

  /** How many posts one read may cover. */
  int maxBatch();

  /**
   * Reads the posts, given as the platform's post id to its publication time. Failures of single
   * posts are reported in the result; the future fails only when the whole read did.
   */
  Future<InsightsRead> read(PlatformAccount account, Map<String, Instant> posts);
}
