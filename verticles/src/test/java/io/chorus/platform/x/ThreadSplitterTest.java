package io.chorus.platform.x;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("Splitting long text into an X thread")
class ThreadSplitterTest {
  private static final ThreadSplitter SPLITTER = new ThreadSplitter(280);
  /** A sentence of 100 weighted characters, full stop included. */
  private static final String SENTENCE = "Roasted every Tuesday " + "r".repeat(77) + ".";

  static Stream<Arguments> threads() {
    return Stream.of(
        Arguments.of("text of exactly 280 stays one post, unnumbered", "a".repeat(280),
            List.of("a".repeat(280))),
        Arguments.of("281 characters in three sentences become two numbered posts, split between sentences",
            SENTENCE + " " + SENTENCE + " " + "b".repeat(79) + ".",
            List.of(SENTENCE + " " + SENTENCE + " 1/2", "b".repeat(79) + ". 2/2")),
        Arguments.of("a line break is a sentence boundary",
            "c".repeat(200) + "\n" + "d".repeat(200),
            List.of("c".repeat(200) + " 1/2", "d".repeat(200) + " 2/2")),
        Arguments.of("CJK sentences split after their full stop",
            "珈".repeat(100) + "。" + "琲".repeat(100) + "。",
            List.of("珈".repeat(100) + "。 1/2", "琲".repeat(100) + "。 2/2")),
        Arguments.of("a sentence longer than a post is split between words",
            ("word ".repeat(80)).strip() + ".",
            List.of(("word ".repeat(55)).strip() + " 1/2", ("word ".repeat(25)).strip() + ". 2/2")),
        Arguments.of("a word longer than a post is split between graphemes, never inside an emoji",
            "😀".repeat(200),
            List.of("😀".repeat(138) + " 1/2", "😀".repeat(62) + " 2/2")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("threads")
  @DisplayName("splits at the best boundary and numbers the posts")
  void splits(String why, String text, List<String> expected) {
    List<String> posts = SPLITTER.split(text);

    assertThat(posts).containsExactlyElementsOf(expected);
    assertThat(posts).allSatisfy(post -> assertThat(XWeightedLength.of(post)).isLessThanOrEqualTo(280));
  }

  @Test
  @DisplayName("ten posts or more are numbered with two digits, and every post still fits")
  void twoDigitNumbers() {
    String text = (SENTENCE + " ").repeat(30).strip();

    List<String> posts = SPLITTER.split(text);

    assertThat(posts).hasSize(15);
    assertThat(posts.get(0)).endsWith(" 1/15");
    assertThat(posts.get(14)).endsWith(" 15/15");
    assertThat(posts).allSatisfy(post -> assertThat(XWeightedLength.of(post)).isLessThanOrEqualTo(280));
    assertThat(String.join(" ", posts.stream().map(post -> post.replaceAll(" \\d+/15$", "")).toList())).isEqualTo(text);
  }
}
