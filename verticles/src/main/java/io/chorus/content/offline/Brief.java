package io.chorus.content.offline;

import io.chorus.contracts.content.GenerateRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a campaign gives the writer, read once from a request: the product's name in its forms,
 * its description, the brief's other sentences, key messages, trends, hashtags, call to action
 * and the brand's tone.
 */
record Brief(
    String headline,
    String core,
    boolean properName,
    String description,
    List<String> details,
    List<String> facts,
    List<String> trends,
    List<String> hashtags,
    String callToAction,
    Tone tone,
    String emoji) {

  private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+");
  private static final Pattern LAUNCH_WORDS = Pattern.compile(
      "^(?:the )?(?:launch|release|introduction|arrival|return) of |^(?:introducing|announcing|meet|say hello to) ",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern STATEMENT = Pattern.compile(" (?:is|are|has|have|was|were|will|arrives|lands) ");
  private static final Pattern DETERMINER = Pattern.compile("^(?:the|our|a|an|my|your) ", Pattern.CASE_INSENSITIVE);
  /** Words in a brief that suggest an emoji; the first match gives the post's theme emoji. */
  private static final List<String[]> THEMES = List.of(
      new String[] {"coffee", "☕"}, new String[] {"roast", "☕"}, new String[] {"espresso", "☕"},
      new String[] {"latte", "☕"}, new String[] {"tea", "🍵"}, new String[] {"autumn", "🍂"},
      new String[] {"harvest", "🍂"}, new String[] {"winter", "❄️"}, new String[] {"summer", "☀️"},
      new String[] {"spring", "🌱"}, new String[] {"cake", "🍰"}, new String[] {"bread", "🥖"},
      new String[] {"shoe", "👟"}, new String[] {"run", "🏃"}, new String[] {"book", "📚"},
      new String[] {"music", "🎶"}, new String[] {"travel", "✈️"}, new String[] {"software", "💻"},
      new String[] {"app", "📱"}, new String[] {"garden", "🌿"}, new String[] {"wine", "🍷"});

  static Brief of(GenerateRequest request) {
    String flat = request.brief().strip().replaceAll("\\s+", " ");
    List<String> sentences = Arrays.stream(SENTENCE_END.split(flat)).map(Text::bare).filter(s -> !s.isEmpty()).toList();
    String headline = sentences.get(0);
    String lead = LAUNCH_WORDS.matcher(headline).replaceFirst("");
    int comma = lead.indexOf(", ");
    String name = comma > 0 ? lead.substring(0, comma) : lead;
    String description = comma > 0 ? lead.substring(comma + 2) : "";
    var statement = STATEMENT.matcher(" " + name + " ");
    if (statement.find() && statement.start() > 0) {
      name = name.substring(0, statement.start() - 1);
    }
    String core = DETERMINER.matcher(name).replaceFirst("");
    boolean proper = !core.isEmpty() && Character.isUpperCase(core.charAt(0));
    String tone = request.voice();
    return new Brief(headline, core.isEmpty() ? name : core, proper, description,
        new ArrayList<>(sentences.subList(1, sentences.size())),
        meaningful(request.keyMessages()).stream().map(Text::bare).toList(),
        meaningful(request.trends()).stream().map(t -> t.replaceFirst("^#", "")).toList(),
        meaningful(request.hashtags()).stream().map(Text::hashtag).distinct().toList(),
        request.callToAction() == null || request.callToAction().isBlank() ? null : request.callToAction().strip(),
        Tone.of(tone), themeEmoji(flat));
  }

  /** The first clause of the description, for the short platforms. */
  String shortDescription() {
    return Text.shortForm(description);
  }

  /** The product as a sentence may name it: "the X", "our X", or, for a proper name, plain "X". */
  List<String> nameForms() {
    String lower = properName ? core : core.substring(0, 1).toLowerCase(Locale.ROOT) + core.substring(1);
    return properName ? List.of("the " + core, "our " + core, core) : List.of("our " + lower, "the " + lower);
  }

  private static String themeEmoji(String brief) {
    String lower = brief.toLowerCase(Locale.ROOT);
    return THEMES.stream().filter(theme -> lower.contains(theme[0])).map(theme -> theme[1]).findFirst().orElse("✨");
  }

  private static List<String> meaningful(List<String> items) {
    return items.stream().filter(s -> s != null && !s.isBlank()).map(String::strip).toList();
  }
}
