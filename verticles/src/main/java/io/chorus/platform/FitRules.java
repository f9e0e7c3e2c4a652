package io.chorus.platform;

import java.util.function.ToIntFunction;

/**
 * One platform's text rules.
 *
 * @param limit the largest length the platform accepts, in its own unit
 * @param maxHashtags how many hashtags a post may carry before no campaign hashtag is added
 * @param hashtagCapIsHard whether the platform rejects posts with more than {@code maxHashtags}
 *     (Instagram), so surplus hashtags must go, rather than merely not be added (X)
 * @param measure the text's length as the platform counts it
 */
public record FitRules(int limit, int maxHashtags, boolean hashtagCapIsHard, ToIntFunction<String> measure) {

  /** Rules for a platform that counts UTF-16 code units and puts no cap on hashtags. */
  public static FitRules utf16(int limit) {
    return new FitRules(limit, Integer.MAX_VALUE, false, String::length);
  }
}
