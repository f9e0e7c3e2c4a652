package io.chorus.platform;

import io.chorus.contracts.ChorusError;
import io.chorus.contracts.ErrorCode;
import io.chorus.contracts.platform.OptimizedContent;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Fits text to a {@link FitRules}: appends the campaign hashtags the text lacks, then, while it is
 * too long, drops trailing hashtags one by one, and only then cuts the body with an ellipsis. A
 * required disclosure the text carries survives: it is put back at the end of a cut text, and
 * when even that cannot fit the text is refused.
 */
final class BoundedTextFitter implements TextFitter {
  private final FitRules rules;
  private final TextCutter cutter;

  BoundedTextFitter(FitRules rules) {
    this.rules = rules;
    this.cutter = new TextCutter(rules);
  }

  @Override
  public OptimizedContent fit(String text, List<String> hashtags, String disclosureText) {
    OptimizedContent fitted = fitWithoutDisclosure(text, hashtags);
    Disclosure disclosure = Disclosure.of(disclosureText);
    if (disclosure == null || disclosure.in(fitted.text()) || text == null || !disclosure.in(text)) {
      return fitted;
    }
    return keepingDisclosure(text, hashtags, disclosure);
  }

  /**
   * Fits the text without its disclosure into the room the disclosure leaves, then puts the
   * disclosure back at the end: the message may be cut and hashtags dropped, the disclosure never.
   */
  private OptimizedContent keepingDisclosure(String text, List<String> hashtags, Disclosure disclosure) {
    String suffix = "\n\n" + disclosure.text();
    int room = rules.limit() - rules.measure().applyAsInt(suffix);
    int tagsInDisclosure = Hashtags.find(disclosure.text()).size();
    int maxHashtags = rules.maxHashtags() == Integer.MAX_VALUE ? Integer.MAX_VALUE
        : Math.max(0, rules.maxHashtags() - tagsInDisclosure);
    String rest = disclosure.removedFrom(text);
    OptimizedContent fittedRest = room <= 0 ? null
        : new BoundedTextFitter(new FitRules(room, maxHashtags, rules.hashtagCapIsHard(), rules.measure()))
            .fitWithoutDisclosure(rest, hashtags);
    if (fittedRest == null || fittedRest.text().isBlank() || fittedRest.text().equals(TextCutter.ELLIPSIS)) {
      throw ChorusError.of(ErrorCode.INVALID_REQUEST, "the text cannot be shortened to the limit of "
          + rules.limit() + " without dropping the required disclosure \"" + disclosure.text() + "\"").exception();
    }
    return result(fittedRest.text() + suffix, true);
  }

  private OptimizedContent fitWithoutDisclosure(String text, List<String> hashtags) {
    String body = text == null ? "" : text.strip();
    if (rules.hashtagCapIsHard()) {
      body = withinHashtagCap(body);
    }
    List<String> tail = Hashtags.trailingPieces(body);
    String core = body.substring(0, body.length() - String.join("", tail).length());
    List<String> pieces = new ArrayList<>(tail);
    pieces.addAll(appendedPieces(body, hashtags));
    boolean changed = !body.equals(text == null ? "" : text.strip());
    // Trailing hashtags go first: a post with its whole message and fewer tags reads better
    // than a cut message with every tag.
    for (int keep = pieces.size(); keep >= 0; keep--) {
      String candidate = core + String.join("", pieces.subList(0, keep));
      if (fits(candidate)) {
        return result(candidate, changed || keep < tail.size());
      }
    }
    return result(cutter.cut(core.strip()), true);
  }

  private List<String> appendedPieces(String body, List<String> hashtags) {
    List<String> present = Hashtags.find(body);
    Set<String> presentKeys = present.stream().map(Hashtags::key).collect(Collectors.toSet());
    long room = Math.max(0L, (long) rules.maxHashtags() - present.size());
    List<String> missing = Hashtags.normalize(hashtags).stream()
        .filter(tag -> !presentKeys.contains(Hashtags.key(tag)))
        .limit(room)
        .toList();
    List<String> pieces = new ArrayList<>();
    for (String tag : missing) {
      pieces.add(separatorBefore(body, pieces.isEmpty()) + tag);
    }
    return pieces;
  }

  private static String separatorBefore(String body, boolean firstAppended) {
    if (!firstAppended) {
      return " ";
    }
    if (body.isEmpty()) {
      return "";
    }
    // Join an existing run of hashtags on its line; otherwise give the tags a paragraph of their own.
    return Hashtags.trailingPieces(body).isEmpty() ? "\n\n" : " ";
  }

  /** Trailing surplus hashtags are dropped; surplus ones inside the text lose their '#' but keep their word. */
  private String withinHashtagCap(String body) {
    String trimmed = body;
    List<String> tail = Hashtags.trailingPieces(trimmed);
    while (Hashtags.find(trimmed).size() > rules.maxHashtags() && !tail.isEmpty()) {
      trimmed = trimmed.substring(0, trimmed.length() - tail.remove(tail.size() - 1).length());
    }
    return Hashtags.keepAtMost(trimmed, rules.maxHashtags());
  }

  private boolean fits(String candidate) {
    return rules.measure().applyAsInt(candidate) <= rules.limit();
  }

  private OptimizedContent result(String fitted, boolean shortened) {
    return new OptimizedContent(fitted, rules.measure().applyAsInt(fitted), rules.limit(), shortened);
  }
}
