package io.chorus.content.offline;

import io.chorus.contracts.Platform;
import io.chorus.contracts.platform.PostType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * One post in the writing: its angle, trend and order of key messages, and the slots its phrase
 * templates are filled from, all drawn from one seeded random so a seed writes the same text.
 */
final class Draft {
  private final Platform platform;
  private final PostType postType;
  private final Random random;
  private final Brief brief;
  private final Angle angle;
  private final String trend;
  private final List<String> facts;
  private final List<String> details;
  private final Set<String> available;
  private int nextFact;
  private int nextDetail;

  Draft(Platform platform, PostType postType, Brief brief, Angle requested, Random random) {
    this.platform = platform;
    this.postType = postType;
    this.random = random;
    this.brief = brief;
    this.facts = shuffled(brief.facts());
    this.details = shuffled(brief.details());
    this.trend = brief.trends().isEmpty() ? null : pick(brief.trends());
    this.available = available(brief, trend);
    List<Angle> possible = List.of(Angle.values()).stream().filter(a -> !a.openings(available).isEmpty()).toList();
    this.angle = requested != null && possible.contains(requested) ? requested : pick(possible);
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

  Brief brief() {
    return brief;
  }

  Tone tone() {
    return brief.tone();
  }

  /** The angle's opening, written out. */
  String opening() {
    return sentence(pick(angle.openings(available)));
  }

  /** One sentence from a bank, chosen among those the campaign can fill; empty when none can be. */
  String sentence(List<String> bank) {
    List<String> usable = bank.stream().filter(this::fillable).toList();
    return usable.isEmpty() ? "" : sentence(pick(usable));
  }

  /** The template written out, each of its sentences starting with a capital. */
  String sentence(String template) {
    return Text.capitalizeSentences(Grammar.expand(template, random, this::slot));
  }

  /** Whether every slot the template names can be filled, counting key messages not used yet. */
  boolean fillable(String template) {
    Set<String> slots = Grammar.slotsOf(template);
    return available.containsAll(slots)
        && (!slots.contains("fact") || nextFact < facts.size())
        && (!slots.contains("detail") || nextDetail < details.size());
  }

  /** Key messages not used yet by this post. */
  int factsLeft() {
    return facts.size() - nextFact;
  }

  /** The next unused key message, bare. */
  String nextFact() {
    return facts.get(nextFact++);
  }

  boolean hasTrend() {
    return trend != null;
  }

  boolean hasDetail() {
    return nextDetail < details.size();
  }

  /** The call to action, with a lead-in when it does not end with a link a lead-in could break. */
  String callToAction() {
    if (brief.callToAction() == null) {
      return pick(tone().callsToAction());
    }
    String cta = Text.sentence(brief.callToAction());
    String lead = pick(Phrases.CTA_LEADS);
    return lead.isEmpty() ? cta : lead + " " + cta;
  }

  /** A few of the campaign's hashtags, in this post's order. */
  List<String> hashtags(int count) {
    List<String> tags = shuffled(brief.hashtags());
    return tags.subList(0, Math.min(count, tags.size()));
  }

  /** Every campaign hashtag plus the trend's own tag when it is new, for the hashtag-heavy platforms. */
  List<String> hashtagsWithTrend() {
    List<String> all = shuffled(brief.hashtags());
    if (trend != null) {
      String tag = Text.trendTag(trend);
      if (!tag.isEmpty() && all.stream().noneMatch(tag::equalsIgnoreCase)) {
        all.add(random.nextInt(all.size() + 1), tag);
      }
    }
    return all;
  }

  <T> T pick(List<T> choices) {
    return choices.get(random.nextInt(choices.size()));
  }

  boolean chance(double probability) {
    return random.nextDouble() < probability;
  }

  <T> List<T> shuffled(List<T> items) {
    List<T> copy = new ArrayList<>(items);
    Collections.shuffle(copy, random);
    return copy;
  }

  private String slot(String name) {
    return switch (name) {
      case "name" -> pick(brief.nameForms());
      case "desc" -> brief.description();
      case "short" -> brief.shortDescription();
      case "fact" -> nextFact < facts.size() ? nextFact() : pick(facts);
      case "trend" -> trend;
      case "detail" -> nextDetail < details.size() ? details.get(nextDetail++) : pick(details);
      case "headline" -> brief.headline();
      case "lead" -> Text.shortForm(brief.headline());
      case "emoji" -> brief.emoji();
      default -> throw new IllegalArgumentException("no slot {" + name + "} in offline phrase templates");
    };
  }

  private static Set<String> available(Brief brief, String trend) {
    Set<String> slots = new HashSet<>(Set.of("name", "headline", "lead", "emoji"));
    if (!brief.description().isEmpty()) {
      slots.addAll(Set.of("desc", "short"));
    }
    if (!brief.facts().isEmpty()) {
      slots.add("fact");
    }
    if (!brief.details().isEmpty()) {
      slots.add("detail");
    }
    if (trend != null) {
      slots.add("trend");
    }
    return slots;
  }
}
