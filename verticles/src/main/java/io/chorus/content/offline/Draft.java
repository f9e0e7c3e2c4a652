package io.chorus.content.offline;

import io.chorus.contracts.Platform;
import io.chorus.contracts.content.GenerateRequest;
import io.chorus.contracts.platform.PostType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * The choices behind one post (angle, opening, which key messages and trend, hashtag order), all
 * drawn from one seeded random so that a layout turns them into the same text every time.
 */
final class Draft {
  private final Platform platform;
  private final Random random;
  private final Tone tone;
  private final Angle angle;
  private final String product;
  private final String opening;
  private final List<String> bodyFacts;
  private final String trend;
  private final List<String> hashtags;
  private final String callToAction;
  private final PostType postType;

  private Draft(GenerateRequest request, Random random) {
    this.platform = request.platform();
    this.postType = request.postType();
    this.random = random;
    this.tone = Tone.of(request.voice());
    this.product = Text.firstSentence(request.brief());
    List<String> facts = shuffled(meaningful(request.keyMessages()));
    List<String> trends = meaningful(request.trends()).stream().map(t -> t.replaceFirst("^#", "")).toList();
    this.trend = trends.isEmpty() ? null : pick(trends);
    this.angle = pick(Angle.possible(!facts.isEmpty(), trend != null));
    String frame = pick(angle.openings());
    this.opening = switch (angle.slot()) {
      case TREND -> Text.fill(frame, trend);
      case FACT -> Text.fill(frame, facts.get(0));
      case NONE -> frame;
    };
    this.bodyFacts = angle.slot() == Angle.Slot.FACT ? facts.subList(1, facts.size()) : facts;
    this.hashtags = shuffled(meaningful(request.hashtags()).stream().map(Text::hashtag).distinct().toList());
    this.callToAction = request.callToAction() == null || request.callToAction().isBlank()
        ? tone.defaultCallToAction()
        : Text.sentence(request.callToAction());
  }

  /** Plans a post for the request with choices drawn from the given random. */
  static Draft plan(GenerateRequest request, Random random) {
    return new Draft(request, random);
  }

  Platform platform() {
    return platform;
  }

  /** The shape asked for, or null. */
  PostType postType() {
    return postType;
  }

  Random random() {
    return random;
  }

  Tone tone() {
    return tone;
  }

  String opening() {
    return opening;
  }

  /** The product line in one of the product frames, ended in the brand's tone. */
  String productSentence() {
    return Text.sentence(Text.fill(pick(Phrases.PRODUCT_FRAMES), product), tone.emphasis());
  }

  /** The product's leading clause as a sentence, for the short platforms. */
  String shortProductSentence() {
    return Text.sentence(Text.shortForm(product));
  }

  /** The key messages not already used by the opening, in this post's order. */
  List<String> bodyFacts() {
    return bodyFacts;
  }

  /** Up to {@code count} body key messages, each in a different fact frame so no two read alike. */
  List<String> factSentences(int count) {
    List<String> frames = shuffled(Phrases.FACT_FRAMES);
    List<String> sentences = new ArrayList<>();
    for (int i = 0; i < Math.min(count, bodyFacts.size()); i++) {
      sentences.add(Text.capitalize(Text.fill(frames.get(i % frames.size()), bodyFacts.get(i))));
    }
    return sentences;
  }

  /** The trend this post leans on, if the campaign has any. */
  Optional<String> trend() {
    return Optional.ofNullable(trend);
  }

  /** Whether the opening already names the trend, so the body need not repeat it. */
  boolean openingUsesTrend() {
    return angle.slot() == Angle.Slot.TREND;
  }

  String callToAction() {
    return callToAction;
  }

  /** Up to {@code count} of the campaign's hashtags, in this post's order. */
  List<String> hashtags(int count) {
    return hashtags.subList(0, Math.min(count, hashtags.size()));
  }

  /** Every campaign hashtag plus the trend's own tag when it is new, for the hashtag-heavy platforms. */
  List<String> hashtagsWithTrend() {
    List<String> all = new ArrayList<>(hashtags);
    trend().map(Text::trendTag)
        .filter(tag -> !tag.isEmpty() && all.stream().noneMatch(tag::equalsIgnoreCase))
        .ifPresent(all::add);
    return all;
  }

  <T> T pick(List<T> choices) {
    return choices.get(random.nextInt(choices.size()));
  }

  private <T> List<T> shuffled(List<T> items) {
    List<T> copy = new ArrayList<>(items);
    Collections.shuffle(copy, random);
    return copy;
  }

  private static List<String> meaningful(List<String> items) {
    return items.stream().filter(s -> s != null && !s.isBlank()).map(String::strip).toList();
  }
}
