package io.chorus.pipeline.review;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The pieces of a post's text the rules look for: whole words and phrases, links, hashtags, mentions. */
final class TextPatterns {
  private static final String WORD_CHAR = "[\\p{L}\\p{N}_]";
  private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

  /**
   * A link with or without its scheme, such as {@code https://shop.example/x} or {@code
   * northwind.example/autumn}; group 1 is the host. Not part of a longer word, an e-mail address
   * or a mention.
   */
  static final Pattern LINK = Pattern.compile("(?<![\\p{L}\\p{N}_@#./-])(?:https?://)?"
      + "((?:[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?\\.)+\\p{L}{2,})(?::\\d+)?(?:[/?#]\\S*)?", FLAGS);
  static final Pattern HASHTAG = Pattern.compile("(?<![\\p{L}\\p{N}_&#])#" + WORD_CHAR + "+");
  static final Pattern MENTION = Pattern.compile(
      "(?<![\\p{L}\\p{N}_.@])@" + WORD_CHAR + "(?:[\\p{L}\\p{N}_.]*" + WORD_CHAR + ")?");

  private TextPatterns() {}

  /**
   * Matches the term as a whole word or phrase, in any case: "ad" is not found in "add", and the
   * words of a phrase may be separated by any white space.
   */
  static Pattern wholeTerm(String term) {
    String body = Arrays.stream(term.strip().split("\\s+")).map(Pattern::quote)
        .collect(Collectors.joining("\\s+"));
    return Pattern.compile("(?<!" + WORD_CHAR + ")" + body + "(?!" + WORD_CHAR + ")", FLAGS);
  }

  /** The host of every link in the text, lower case, in order of appearance. */
  static List<String> linkHosts(String text) {
    List<String> hosts = new ArrayList<>();
    Matcher matcher = LINK.matcher(text);
    while (matcher.find()) {
      hosts.add(matcher.group(1).toLowerCase(Locale.ROOT));
    }
    return hosts;
  }

  static List<String> all(Pattern pattern, String text) {
    List<String> found = new ArrayList<>();
    Matcher matcher = pattern.matcher(text);
    while (matcher.find()) {
      found.add(matcher.group());
    }
    return found;
  }
}
