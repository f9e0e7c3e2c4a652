package io.chorus.platform.x;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a text too long for one X post into a thread: posts of whole sentences (a sentence too
 * long for one post is split between words, a word too long between graphemes), each ending with
 * its number as {@code " 2/5"}, each within X's weighted limit. A text that fits one post stays
 * one post, unnumbered.
 */
public final class ThreadSplitter {
  /**
   * Sentence ends: a full stop, question or exclamation mark followed by space, a CJK one (which
   * needs no space after it), and line breaks.
   */
  private static final Pattern SENTENCE_BREAK = Pattern.compile("(?<=[.!?…])\\s+|(?<=[。！？])\\s*|\\s*\\R\\s*");
  private static final Pattern WORD_BREAK = Pattern.compile("\\s+");
  private static final Pattern GRAPHEME = Pattern.compile("\\X");

  private final int limit;

  public ThreadSplitter(int limit) {
    this.limit = limit;
  }

  /** The posts of the thread, in order. */
  public List<String> split(String text) {
    String whole = text.strip();
    if (XWeightedLength.of(whole) <= limit) {
      return List.of(whole);
    }
    // The numbers' width depends on how many posts there are: try one digit, then two, then three.
    for (int digits = 1; ; digits++) {
      int most = (int) Math.pow(10, digits) - 1;
      List<String> parts = pack(whole, limit - XWeightedLength.of(" " + most + "/" + most));
      if (parts.size() <= most) {
        List<String> numbered = new ArrayList<>(parts.size());
        for (int i = 0; i < parts.size(); i++) {
          numbered.add(parts.get(i) + " " + (i + 1) + "/" + parts.size());
        }
        return numbered;
      }
    }
  }

  /** Fills posts of at most {@code room} with sentences, keeping the space or line break between them. */
  private List<String> pack(String text, int room) {
    List<String> parts = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String[] unit : units(text, SENTENCE_BREAK)) {
      String separator = unit[0];
      String sentence = unit[1];
      if (current.length() > 0 && XWeightedLength.of(current + separator + sentence) <= room) {
        current.append(separator).append(sentence);
        continue;
      }
      if (current.length() > 0) {
        parts.add(current.toString());
        current.setLength(0);
      }
      if (XWeightedLength.of(sentence) <= room) {
        current.append(sentence);
      } else {
        List<String> pieces = splitLong(sentence, room);
        parts.addAll(pieces.subList(0, pieces.size() - 1));
        current.append(pieces.get(pieces.size() - 1));
      }
    }
    if (current.length() > 0) {
      parts.add(current.toString());
    }
    return parts;
  }

  /** A sentence longer than a post, in post-sized pieces: between words, or graphemes for a giant word. */
  private List<String> splitLong(String sentence, int room) {
    List<String> pieces = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String[] unit : units(sentence, WORD_BREAK)) {
      String candidate = current.length() == 0 ? unit[1] : current + unit[0] + unit[1];
      if (XWeightedLength.of(candidate) <= room) {
        current.setLength(0);
        current.append(candidate);
        continue;
      }
      if (current.length() > 0) {
        pieces.add(current.toString());
        current.setLength(0);
      }
      Matcher grapheme = GRAPHEME.matcher(unit[1]);
      while (grapheme.find()) {
        if (current.length() > 0 && XWeightedLength.of(current + grapheme.group()) > room) {
          pieces.add(current.toString());
          current.setLength(0);
        }
        current.append(grapheme.group());
      }
    }
    pieces.add(current.toString());
    return pieces;
  }

  /** The text's pieces between breaks, each with the break before it ("" for the first). */
  private static List<String[]> units(String text, Pattern breaks) {
    List<String[]> units = new ArrayList<>();
    Matcher m = breaks.matcher(text);
    int from = 0;
    String separator = "";
    while (m.find()) {
      if (m.start() > from) {
        units.add(new String[] {separator, text.substring(from, m.start())});
      }
      separator = m.group().contains("\n") ? "\n" : m.group().isEmpty() ? "" : " ";
      from = m.end();
    }
    if (from < text.length()) {
      units.add(new String[] {separator, text.substring(from)});
    }
    return units;
  }
}
