package io.chorus.pipeline.review;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How alike two posts read: the Jaccard similarity of their word 3-shingles, after lower-casing
 * and dropping links, hashtags and punctuation, so that re-tagging or re-linking a post does not
 * make it new.
 */
public final class Similarity {
  private static final int SHINGLE_WORDS = 3;

  private Similarity() {}

  /** From 0 (no three-word run in common) to 1 (the same words in the same order). */
  public static double of(String a, String b) {
    return of(shingles(a), shingles(b));
  }

  /** The similarity of two texts already cut into shingles by {@link #shingles(String)}. */
  static double of(Set<String> left, Set<String> right) {
    if (left.isEmpty() || right.isEmpty()) {
      return 0;
    }
    Set<String> common = new HashSet<>(left);
    common.retainAll(right);
    Set<String> union = new HashSet<>(left);
    union.addAll(right);
    return (double) common.size() / union.size();
  }

  /** The text's runs of three consecutive words; a text of fewer words is one shingle of them all. */
  static Set<String> shingles(String text) {
    List<String> words = words(text);
    Set<String> shingles = new HashSet<>();
    if (words.isEmpty()) {
      return shingles;
    }
    if (words.size() < SHINGLE_WORDS) {
      shingles.add(String.join(" ", words));
      return shingles;
    }
    for (int i = 0; i + SHINGLE_WORDS <= words.size(); i++) {
      shingles.add(String.join(" ", words.subList(i, i + SHINGLE_WORDS)));
    }
    return shingles;
  }

  private static List<String> words(String text) {
    String plain = text == null ? "" : text.toLowerCase(Locale.ROOT);
    plain = TextPatterns.LINK.matcher(plain).replaceAll(" ");
    plain = TextPatterns.HASHTAG.matcher(plain).replaceAll(" ");
    plain = plain.replaceAll("[^\\p{L}\\p{N}\\s]+", " ").strip();
    return plain.isEmpty() ? List.of() : Arrays.asList(plain.split("\\s+"));
  }
}
