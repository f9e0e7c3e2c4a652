package io.chorus.content.offline;

import io.chorus.contracts.platform.PostType;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Turns a draft into a post in the shape of its platform: X short and punchy, Facebook
 * conversational, Instagram a caption with emoji and a hashtag block, LinkedIn professional
 * paragraphs, TikTok hook first. Which pieces appear, and in which order, is drawn per post.
 */
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
    List<String> parts = new ArrayList<>();
    parts.add(draft.opening() + (draft.chance(0.3) ? " " + draft.brief().emoji() : ""));
    List<Supplier<String>> extras = new ArrayList<>();
    extras.add(() -> draft.sentence(Phrases.FACT));
    extras.add(() -> draft.sentence(Phrases.TREND));
    extras.add(() -> draft.sentence(Phrases.DETAIL));
    // The product or a key message always comes second, so no X post is all mood and no matter.
    parts.add(draft.chance(0.6) || draft.factsLeft() == 0 ? draft.sentence(Phrases.PRODUCT_SHORT) : draft.sentence(Phrases.FACT));
    draft.shuffled(extras).subList(0, draft.random().nextInt(3)).forEach(extra -> parts.add(extra.get()));
    if (draft.chance(0.7)) {
      parts.add(draft.callToAction());
    }
    String body = Text.joinWithin(X_BODY_TARGET, parts.stream().filter(p -> !p.isEmpty()).toList());
    return withTags(body, draft.chance(0.5) ? " " : "\n\n", draft.hashtags(1 + draft.random().nextInt(2)));
  }

  /** A thread has room for every key message and the trend: several posts' worth, split at sentences when published. */
  private static String xThread(Draft draft) {
    List<String> sentences = new ArrayList<>(List.of(draft.opening(), draft.sentence(Phrases.PRODUCT)));
    for (int fact = draft.factsLeft(); fact > 0; fact--) {
      sentences.add(draft.sentence(Phrases.FACT));
    }
    sentences.add(draft.sentence(Phrases.TREND));
    sentences.add(draft.sentence(Phrases.DETAIL));
    sentences.add(draft.callToAction());
    return withTags(String.join(" ", sentences.stream().filter(part -> !part.isEmpty()).toList()), "\n\n",
        draft.hashtags(2));
  }

  private static String facebook(Draft draft) {
    List<String> sentences = new ArrayList<>();
    String greeting = draft.pick(Phrases.FACEBOOK_GREETINGS);
    if (!greeting.isEmpty()) {
      sentences.add(greeting);
    }
    sentences.add(draft.opening());
    List<Supplier<String>> middle = new ArrayList<>();
    middle.add(() -> draft.sentence(Phrases.PRODUCT));
    middle.add(() -> draft.sentence(Phrases.FACT));
    middle.add(() -> draft.sentence(Phrases.FACEBOOK_ASIDES));
    if (draft.chance(0.5)) {
      middle.add(() -> draft.sentence(Phrases.TREND));
    }
    if (draft.chance(0.4)) {
      middle.add(() -> draft.sentence(Phrases.DETAIL));
    }
    draft.shuffled(middle).forEach(part -> sentences.add(part.get()));
    sentences.add(draft.callToAction());
    String text = String.join(draft.chance(0.15) ? "\n\n" : " ", sentences.stream().filter(s -> !s.isEmpty()).toList());
    // Hashtags are optional on Facebook; about half the posts carry one campaign tag.
    return draft.chance(0.5) ? withTags(text, "\n\n", draft.hashtags(1)) : text;
  }

  private static String instagram(Draft draft) {
    List<String> lines = new ArrayList<>();
    lines.add(draft.opening() + " " + draft.brief().emoji());
    lines.add("");
    lines.add(draft.sentence(Phrases.PRODUCT));
    int facts = 1 + draft.random().nextInt(2);
    for (int i = 0; i < facts && draft.factsLeft() > 0; i++) {
      String fact = draft.sentence(Phrases.FACT);
      lines.add(draft.chance(0.5) ? draft.pick(Phrases.EMOJI) + " " + fact : fact);
    }
    if (draft.hasTrend() && draft.chance(0.6)) {
      lines.add(draft.sentence(Phrases.TREND));
    }
    if (draft.hasDetail() && draft.chance(0.4)) {
      lines.add(draft.sentence(Phrases.DETAIL));
    }
    lines.add("");
    lines.add(draft.callToAction() + (draft.chance(0.5) ? " " + draft.pick(Phrases.EMOJI) : ""));
    lines.add(draft.pick(draft.tone().signOffs()));
    String caption = String.join("\n", lines.stream().filter(l -> l != null).toList()).replaceAll("\n{3,}", "\n\n");
    return withTags(caption, draft.chance(0.3) ? "\n.\n.\n.\n" : "\n\n", draft.hashtagsWithTrend());
  }

  private static String linkedin(Draft draft) {
    List<String> paragraphs = new ArrayList<>();
    paragraphs.add(draft.opening() + " " + draft.sentence(Phrases.PRODUCT));
    List<Supplier<String>> middle = new ArrayList<>();
    if (draft.factsLeft() > 0) {
      middle.add(() -> factsParagraph(draft));
    }
    middle.add(() -> draft.hasTrend() && draft.chance(0.7)
        ? draft.sentence(Phrases.INSIGHT_TREND)
        : draft.sentence(Phrases.INSIGHT));
    if (draft.hasDetail() && draft.chance(0.5)) {
      middle.add(() -> draft.sentence(Phrases.DETAIL));
    }
    draft.shuffled(middle).forEach(part -> paragraphs.add(part.get()));
    if (draft.chance(0.7)) {
      paragraphs.add(draft.sentence(Phrases.LINKEDIN_QUESTIONS));
    }
    // The call to action goes last: it may end with a bare link, which must not run into a sentence.
    paragraphs.add(draft.callToAction());
    return withTags(String.join("\n\n", paragraphs.stream().filter(p -> !p.isEmpty()).toList()), "\n\n",
        draft.hashtags(3));
  }

  /** The key messages left as a list or as prose, with one of several introductions. */
  private static String factsParagraph(Draft draft) {
    String intro = draft.pick(Phrases.LINKEDIN_FACT_INTROS);
    List<String> facts = new ArrayList<>();
    while (draft.factsLeft() > 0) {
      facts.add(draft.nextFact());
    }
    if (draft.chance(0.5)) {
      String bullet = draft.pick(Phrases.LINKEDIN_BULLETS);
      return intro + "\n" + String.join("\n", facts.stream().map(f -> bullet + Text.sentence(f)).toList());
    }
    return intro + " " + String.join(" ", facts.stream().map(Text::sentence).toList());
  }

  private static String tiktok(Draft draft) {
    String lead = draft.opening() + " " + draft.sentence(Phrases.PRODUCT_SHORT);
    String hook = draft.chance(0.6) ? draft.sentence(Phrases.TIKTOK_HOOKS) : "";
    String body = !hook.isEmpty() && hook.length() + 1 + lead.length() <= TIKTOK_BODY_TARGET ? hook + "\n" + lead : lead;
    List<String> tags = draft.hashtagsWithTrend();
    return withTags(body, draft.chance(0.5) ? " " : "\n", tags.subList(0, Math.min(tags.size(), 2 + draft.random().nextInt(2))));
  }

  private static String withTags(String text, String separator, List<String> tags) {
    return tags.isEmpty() ? text : text + separator + String.join(" ", tags);
  }
}
