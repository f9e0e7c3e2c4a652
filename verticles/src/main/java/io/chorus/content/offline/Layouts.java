package io.chorus.content.offline;

import io.chorus.contracts.platform.PostType;
import java.util.ArrayList;
import java.util.List;

/** Turns a draft into a post in the style of its platform; lengths aim at a sensible range, not the hard limits. */
final class Layouts {
  /** X posts aim under this many characters before their hashtags. */
  static final int X_BODY_TARGET = 240;
  /** TikTok captions read like a title, so they stay short before their hashtags. */
  static final int TIKTOK_BODY_TARGET = 150;

  private Layouts() {}

  static String compose(Draft draft) {
    return switch (draft.platform()) {
      case X -> draft.postType() == PostType.THREAD ? xThread(draft) : x(draft);
      case FACEBOOK -> facebook(draft);
      case INSTAGRAM -> instagram(draft);
      case LINKEDIN -> linkedin(draft);
      case TIKTOK -> tiktok(draft);
    };
  }

  private static String x(Draft draft) {
    List<String> parts = new ArrayList<>(List.of(draft.opening(), draft.shortProductSentence()));
    parts.addAll(draft.factSentences(1));
    parts.add(draft.callToAction());
    String body = Text.joinWithin(X_BODY_TARGET, parts);
    return withTags(body, " ", draft.hashtags(1 + draft.random().nextInt(2)));
  }

  /** A thread has room for every fact and the trend: several posts' worth, split at sentences when published. */
  private static String xThread(Draft draft) {
    List<String> sentences = new ArrayList<>(List.of(draft.opening(), draft.productSentence()));
    sentences.addAll(draft.factSentences(draft.bodyFacts().size()));
    draft.trend().map(t -> Text.fill(draft.pick(Phrases.TREND_LINES), t)).ifPresent(sentences::add);
    sentences.add(draft.callToAction());
    return withTags(String.join(" ", sentences), "\n\n", draft.hashtags(2));
  }

  private static String facebook(Draft draft) {
    List<String> sentences = new ArrayList<>(List.of(draft.opening(), draft.productSentence()));
    sentences.addAll(draft.factSentences(1));
    sentences.add(draft.callToAction());
    String text = String.join(" ", sentences);
    // Hashtags are optional on Facebook; about half the posts carry the campaign's lead tag.
    return draft.random().nextBoolean() ? withTags(text, "\n\n", draft.hashtags(1)) : text;
  }

  private static String instagram(Draft draft) {
    List<String> lines = new ArrayList<>(List.of(draft.opening(), "", draft.productSentence()));
    lines.addAll(draft.factSentences(2));
    if (!draft.openingUsesTrend()) {
      draft.trend().map(t -> Text.fill(draft.pick(Phrases.TREND_LINES), t)).ifPresent(lines::add);
    }
    lines.addAll(List.of("", draft.callToAction(), draft.pick(draft.tone().signOffs())));
    return withTags(String.join("\n", lines), "\n\n", draft.hashtagsWithTrend());
  }

  private static String linkedin(Draft draft) {
    List<String> paragraphs = new ArrayList<>();
    paragraphs.add(draft.opening() + " " + draft.productSentence());
    if (!draft.bodyFacts().isEmpty()) {
      paragraphs.add(factsParagraph(draft));
    }
    draft.trend().map(t -> Text.fill(draft.pick(Phrases.LINKEDIN_TREND_LINES), t)).ifPresent(paragraphs::add);
    // The call to action goes last: it may end with a bare link, which must not run into a sentence.
    paragraphs.add(draft.pick(Phrases.LINKEDIN_CLOSERS) + " " + draft.callToAction());
    return withTags(String.join("\n\n", paragraphs), "\n\n", draft.hashtags(3));
  }

  /** The key messages as a short list or as prose, chosen per post so LinkedIn posts do not all look alike. */
  private static String factsParagraph(Draft draft) {
    String intro = draft.pick(Phrases.LINKEDIN_FACT_INTROS);
    if (draft.random().nextBoolean()) {
      List<String> bullets = draft.bodyFacts().stream().map(f -> "- " + Text.sentence(Text.bare(f))).toList();
      return intro + "\n" + String.join("\n", bullets);
    }
    List<String> sentences = draft.bodyFacts().stream().map(f -> Text.sentence(Text.bare(f))).toList();
    return intro + " " + String.join(" ", sentences);
  }

  private static String tiktok(Draft draft) {
    List<String> parts = new ArrayList<>(List.of(draft.opening(), draft.shortProductSentence()));
    parts.addAll(draft.factSentences(1));
    String body = Text.joinWithin(TIKTOK_BODY_TARGET, parts);
    List<String> tags = draft.hashtagsWithTrend();
    return withTags(body, " ", tags.subList(0, Math.min(tags.size(), 2 + draft.random().nextInt(2))));
  }

  private static String withTags(String text, String separator, List<String> tags) {
    return tags.isEmpty() ? text : text + separator + String.join(" ", tags);
  }
}
