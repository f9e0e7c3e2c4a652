package io.chorus.simulator.llm;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes a plausible post from a Chorus-style prompt (lines such as {@code Key messages:},
 * {@code Trends:}, {@code Hashtags:}, {@code Call to action:}, and {@code Format: thread} for a
 * longer text); any other prompt gets a short
 * generic reply. Each part is picked at random, so two posts of one campaign read differently.
 */
public final class SimulatedWriter {
  private static final String[] OPENERS = {
      "Here is something we have been waiting all season to share:",
      "Good news for anyone who likes a slower start to the day:",
      "We could not keep this one to ourselves any longer:",
      "A small thing that makes our whole week better:",
      "If you only try one new thing this month, make it this:",
      "Our team has been talking about little else since Monday:",
      "Pull up a chair, because this one is worth a minute:",
      "Ask anyone behind our counter and they will tell you:",
      "There is a story behind every cup, and here is ours:",
      "Fresh from the roaster and straight to you:",
      "We asked our regulars what they love most, and the answer was clear:",
      "Some things are worth slowing down for, like this:"};
  private static final String[] TREND_LINES = {
      "Made for", "Just right for", "Perfect company for", "Our answer to", "Built for", "A nod to"};

  private SimulatedWriter() {
  }

  /** The reply to a prompt, varied by the random source. */
  public static String write(String prompt, Random random) {
    List<String> keyMessages = new ArrayList<>();
    String trends = null;
    String hashtags = null;
    String callToAction = null;
    String brief = null;
    boolean thread = false;
    boolean inKeyMessages = false;
    for (String line : prompt.split("\n")) {
      String trimmed = line.trim();
      if (inKeyMessages && trimmed.startsWith("- ")) {
        keyMessages.add(trimmed.substring(2).trim());
        continue;
      }
      inKeyMessages = trimmed.equals("Key messages:");
      trends = valueOf(trimmed, "Trends:", trends);
      hashtags = valueOf(trimmed, "Hashtags:", hashtags);
      callToAction = valueOf(trimmed, "Call to action:", callToAction);
      brief = valueOf(trimmed, "Brief:", brief);
      thread |= trimmed.startsWith("Format:") && trimmed.contains("thread");
    }
    if (keyMessages.isEmpty()) {
      String start = prompt.strip();
      return "This is a simulated reply to: " + (start.length() > 60 ? start.substring(0, 60) + "..." : start);
    }
    StringBuilder post = new StringBuilder(OPENERS[random.nextInt(OPENERS.length)]).append(' ');
    if (thread) {
      // Asked for a thread: the brief and every key message, long enough to split into posts.
      if (brief != null) {
        post.append(brief).append(' ');
      }
      keyMessages.forEach(message -> post.append(capitalized(message)).append(". "));
      post.setLength(post.length() - 1);
    } else {
      post.append(keyMessages.get(random.nextInt(keyMessages.size()))).append('.');
    }
    if (trends != null) {
      String[] each = trends.split(";");
      post.append(' ').append(TREND_LINES[random.nextInt(TREND_LINES.length)]).append(' ')
          .append(each[random.nextInt(each.length)].trim()).append('.');
    }
    if (callToAction != null) {
      post.append(' ').append(callToAction);
    }
    if (hashtags != null) {
      post.append("\n\n").append(hashtags);
    }
    return post.toString();
  }

  private static String capitalized(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  private static String valueOf(String line, String label, String previous) {
    return line.startsWith(label) ? line.substring(label.length()).trim() : previous;
  }

  /** A token count in the providers' rough proportion of four characters to a token. */
  public static int tokens(String text) {
    return text == null || text.isEmpty() ? 0 : Math.max(1, (text.length() + 3) / 4);
  }

  /** The text as the pieces a stream sends, a word (with its leading space) at a time. */
  public static List<String> pieces(String text) {
    List<String> pieces = new ArrayList<>();
    int start = 0;
    for (int i = 1; i <= text.length(); i++) {
      if (i == text.length() || text.charAt(i) == ' ') {
        pieces.add(text.substring(start, i));
        start = i;
      }
    }
    return pieces;
  }
}
