package io.chorus.platform.x;

import static org.assertj.core.api.Assertions.assertThat;

import io.chorus.contracts.platform.OptimizedContent;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("Fitting posts to X's 280 weighted characters")
class XTextFitterTest {
  private static final String LONG_URL = "https://northwind.example/" + "a".repeat(174);
  private final XTextFitter fitter = new XTextFitter();

  static Stream<Arguments> weights() {
    return Stream.of(
        Arguments.of("Latin letters weigh 1", "Coffee", 6),
        Arguments.of("accented letters weigh 1, composed or not", "cafe\u0301", 4),
        Arguments.of("CJK characters weigh 2", "珈琲", 4),
        Arguments.of("an emoji weighs 2", "☕", 2),
        Arguments.of("an emoji outside the BMP weighs 2, not 4", "😀", 2),
        Arguments.of("typographic quotes weigh 1", "“hi”", 4),
        Arguments.of("the ellipsis weighs 2", "…", 2),
        Arguments.of("a ZWJ family of three weighs 2, not one per person and joiner", "👨‍👩‍👧", 2),
        Arguments.of("a flag (two regional indicators) weighs 2", "🇫🇷", 2),
        Arguments.of("an emoji with a skin tone weighs 2", "👍🏽", 2),
        Arguments.of("a keycap weighs 2", "1️⃣", 2),
        Arguments.of("a heart with emoji presentation weighs 2", "❤️", 2),
        Arguments.of("an @mention weighs its characters", "@northwind", 10),
        Arguments.of("a line break weighs 1", "a\nb", 3),
        Arguments.of("a 200-character URL weighs 23", LONG_URL, 23),
        Arguments.of("text around a URL weighs what it is, the URL 23", "Read " + LONG_URL + " now", 5 + 23 + 4),
        Arguments.of("a URL's trailing full stop is not part of it", "See https://a.example/x.", 4 + 23 + 1));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("weights")
  @DisplayName("weighs text as X does")
  void weighs(String why, String text, int weight) {
    assertThat(XWeightedLength.of(text)).isEqualTo(weight);
  }

  static Stream<Arguments> limits() {
    return Stream.of(
        Arguments.of("280 Latin characters fit exactly", "a".repeat(280), false, 280),
        Arguments.of("281 Latin characters are cut", "a".repeat(281), true, 280),
        Arguments.of("140 CJK characters fit exactly", "珈".repeat(140), false, 280),
        Arguments.of("141 CJK characters are cut", "珈".repeat(141), true, 280),
        Arguments.of("140 emoji fit exactly", "😀".repeat(140), false, 280),
        Arguments.of("141 emoji are cut", "😀".repeat(141), true, 280),
        Arguments.of("140 ZWJ family emoji fit exactly", "👨‍👩‍👧".repeat(140), false, 280),
        Arguments.of("141 ZWJ family emoji are cut, never inside a family", "👨‍👩‍👧".repeat(141), true, 280),
        Arguments.of("257 characters and a URL fit exactly", "x".repeat(256) + " " + LONG_URL, false, 280),
        Arguments.of("258 characters and a URL are one over", "x".repeat(257) + " " + LONG_URL, true, 259),
        Arguments.of("a text that is only a long URL fits", LONG_URL, false, 23),
        Arguments.of("eleven long URLs fit", (LONG_URL + " ").repeat(11).strip(), false, 11 * 24 - 1),
        Arguments.of("twelve long URLs do not, and none is cut", (LONG_URL + " ").repeat(12).strip(), true, 11 * 24 - 1 + 2));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("limits")
  @DisplayName("keeps posts within 280 weighted characters")
  void limits(String why, String text, boolean shortened, int length) {
    OptimizedContent fitted = fitter.fit(text, List.of());

    assertThat(fitted.limit()).isEqualTo(280);
    assertThat(fitted.length()).isEqualTo(XWeightedLength.of(fitted.text())).isEqualTo(length);
    assertThat(fitted.shortened()).isEqualTo(shortened);
    if (shortened) {
      assertThat(fitted.text()).endsWith("…");
    } else {
      assertThat(fitted.text()).isEqualTo(text);
    }
    assertThat(fitted.text().codePoints()).noneMatch(cp -> cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE);
  }

  @Test
  @DisplayName("adds at most two hashtags in all")
  void atMostTwoHashtags() {
    assertThat(fitter.fit("Autumn is here.", List.of("#A", "#B", "#C")).text())
        .isEqualTo("Autumn is here.\n\n#A #B");
    assertThat(fitter.fit("Autumn is #here.", List.of("#A", "#B")).text())
        .isEqualTo("Autumn is #here.\n\n#A");
  }

  @Test
  @DisplayName("drops the hashtags rather than cut the message")
  void dropsHashtagsFirst() {
    String message = "b".repeat(275);

    OptimizedContent fitted = fitter.fit(message, List.of("#Autumn"));

    assertThat(fitted.text()).isEqualTo(message);
    assertThat(fitted.shortened()).isFalse();
  }

  @Test
  @DisplayName("leaves text alone when there are no hashtags to add")
  void emptyHashtags() {
    assertThat(fitter.fit("  Autumn is here.  ", List.of()).text()).isEqualTo("Autumn is here.");
  }

  @Test
  @DisplayName("cuts CJK text at a full stop when one is near the end")
  void cutsCjkAtSentence() {
    String text = "珈".repeat(120) + "。" + "琲".repeat(30);

    OptimizedContent fitted = fitter.fit(text, List.of());

    assertThat(fitted.text()).isEqualTo("珈".repeat(120) + "。…");
  }
}
