package io.chorus.content.offline;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Expands phrase templates: {@code [a|b|c]} picks one alternative (groups nest), {@code {slot}} is
 * filled from the post's material. Only the chosen alternative is expanded, so the random draws
 * and the slots consumed depend on the choices made, and a seed always writes the same words.
 */
final class Grammar {
  private static final Pattern SLOT = Pattern.compile("\\{(\\w+)}");

  private Grammar() {}

  /** The template with one alternative chosen per group and every slot filled. */
  static String expand(String template, Random random, Function<String, String> slots) {
    StringBuilder out = new StringBuilder();
    expandInto(template, random, slots, out);
    return tidy(out.toString());
  }

  /** The slots a template names anywhere, chosen or not. */
  static Set<String> slotsOf(String template) {
    Matcher matcher = SLOT.matcher(template);
    List<String> names = new ArrayList<>();
    while (matcher.find()) {
      names.add(matcher.group(1));
    }
    return Set.copyOf(names);
  }

  private static void expandInto(String template, Random random, Function<String, String> slots, StringBuilder out) {
    int i = 0;
    while (i < template.length()) {
      char c = template.charAt(i);
      if (c == '[') {
        int end = closing(template, i);
        List<String> alternatives = alternatives(template.substring(i + 1, end));
        expandInto(alternatives.get(random.nextInt(alternatives.size())), random, slots, out);
        i = end + 1;
      } else if (c == '{') {
        int end = template.indexOf('}', i);
        out.append(slots.apply(template.substring(i + 1, end)));
        i = end + 1;
      } else {
        out.append(c);
        i++;
      }
    }
  }

  private static int closing(String template, int open) {
    int depth = 0;
    for (int i = open; i < template.length(); i++) {
      char c = template.charAt(i);
      if (c == '[') {
        depth++;
      } else if (c == ']' && --depth == 0) {
        return i;
      }
    }
    throw new IllegalArgumentException("unclosed '[' in phrase template: " + template);
  }

  /** The top-level alternatives of a group's inside, split at '|' outside nested groups. */
  private static List<String> alternatives(String inside) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < inside.length(); i++) {
      char c = inside.charAt(i);
      if (c == '[') {
        depth++;
      } else if (c == ']') {
        depth--;
      } else if (c == '|' && depth == 0) {
        parts.add(inside.substring(start, i));
        start = i + 1;
      }
    }
    parts.add(inside.substring(start));
    return parts;
  }

  /** Collapses the spaces an empty alternative leaves and the space before punctuation. */
  private static String tidy(String text) {
    return text.replaceAll("[ \\t]{2,}", " ")
        .replaceAll(" +([,.;:!?])", "$1")
        .replaceAll("([.!?])\\.", "$1")
        .strip();
  }
}
