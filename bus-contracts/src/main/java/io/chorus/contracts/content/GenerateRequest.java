package io.chorus.contracts.content;

import io.chorus.contracts.Platform;
import io.chorus.contracts.platform.PostType;
import java.util.List;

/**
 * Ask the Content verticle to write one post's text from its campaign brief.
 *
 * @param seed makes offline generation repeatable: the same request and seed give the same text
 * @param angle the point of view this text takes (e.g. {@code story}, {@code question}), so the
 *     variants of one post differ; null lets the writer choose
 * @param postType the shape the post will take (an X thread wants several posts' worth of text),
 *     or null when its media decide
 */
public record GenerateRequest(
    String postId,
    String brandId,
    String campaignId,
    Platform platform,
    String brief,
    String voice,
    List<String> keyMessages,
    List<String> hashtags,
    List<String> trends,
    String callToAction,
    long seed,
    String angle,
    PostType postType) {

  public GenerateRequest {
    keyMessages = List.copyOf(keyMessages);
    hashtags = List.copyOf(hashtags);
    trends = List.copyOf(trends);
  }

  /** A request for a post whose media decide its shape. */
  public GenerateRequest(String postId, String brandId, String campaignId, Platform platform, String brief,
      String voice, List<String> keyMessages, List<String> hashtags, List<String> trends, String callToAction,
      long seed, String angle) {
    this(postId, brandId, campaignId, platform, brief, voice, keyMessages, hashtags, trends, callToAction, seed,
        angle, null);
  }
}
