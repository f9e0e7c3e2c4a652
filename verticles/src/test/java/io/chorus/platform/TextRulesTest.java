package io.chorus.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chorus.contracts.ChorusException;
import io.chorus.contracts.ErrorCode;
import io.chorus.contracts.Platform;
import io.chorus.contracts.platform.OptimizeRequest;
import io.chorus.contracts.platform.OptimizedContent;
import io.chorus.contracts.platform.PostType;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("Each platform's optimizer keeps its text rules and the brand's required disclosure")
class TextRulesTest {
  private static final List<String> NONE = List.of();

  static Arguments row(String why, Platform platform, String text, List<String> hashtags, String disclosure,
      String expected, boolean shortened) {
    return Arguments.of(why, platform, text, hashtags, disclosure, expected, shortened);
  }

  static Stream<Arguments> fitted() {
    String tags30 = String.join(" ", java.util.stream.IntStream.rangeClosed(1, 30).mapToObj(i -> "#t" + i).toList());
    String tags29 = String.join(" ", java.util.stream.IntStream.rangeClosed(1, 29).mapToObj(i -> "#t" + i).toList());
    return Stream.of(
        row("X: a disclosed text of exactly 280 is left alone", Platform.X,
            "b".repeat(276) + " #ad", NONE, "#ad", "b".repeat(276) + " #ad", false),
        row("X: one over, the message is cut and the disclosure kept at the end", Platform.X,
            "word ".repeat(55) + "bb #ad", NONE, "#ad", ("word ".repeat(54)).strip() + "…\n\n#ad", true),
        row("X: a disclosure at the start survives a cut at the end", Platform.X,
            "#ad " + "word ".repeat(60).strip(), NONE, "#ad", "#ad " + ("word ".repeat(55)).strip() + "…", true),
        row("X: campaign hashtags give way before the disclosure does", Platform.X,
            "b".repeat(270) + " #ad", List.of("#AutumnHarvest"), "#ad", "b".repeat(270) + " #ad", false),
        row("X: a disclosure in any case is still the disclosure", Platform.X,
            "word ".repeat(60) + "#AD", NONE, "#ad", ("word ".repeat(54)).strip() + "…\n\n#ad", true),
        row("X: a mention is never cut in half", Platform.X,
            "x".repeat(270) + " @northwindcoffee", NONE, null, "x".repeat(270) + "…", true),
        row("Instagram: the disclosure counts against the 30-hashtag cap and is the one kept", Platform.INSTAGRAM,
            "Coffee " + tags30 + " #ad", NONE, "#ad", "Coffee " + tags29 + "\n\n#ad", true),
        row("LinkedIn: reserved characters count twice, so 1,500 parentheses fit exactly", Platform.LINKEDIN,
            "(".repeat(1500), NONE, null, "(".repeat(1500), false),
        row("LinkedIn: a line break is preferred as the cut point", Platform.LINKEDIN,
            "a".repeat(2500) + "\n" + "b ".repeat(400), NONE, null, "a".repeat(2500) + "…", true),
        row("Facebook: 63,206 characters with a disclosure fit exactly", Platform.FACEBOOK,
            "f".repeat(63_202) + " #ad", NONE, "#ad", "f".repeat(63_202) + " #ad", false),
        row("TikTok: emoji count as two UTF-16 units in a 4,000-unit description", Platform.TIKTOK,
            "😀".repeat(2000), NONE, null, "😀".repeat(2000), false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fitted")
  @DisplayName("fits as the platform counts")
  void fits(String why, Platform platform, String text, List<String> hashtags, String disclosure, String expected,
      boolean shortened) {
    OptimizedContent fitted = Platforms.fitter(platform).fit(new OptimizeRequest("p1", text, hashtags, null, disclosure));

    assertThat(fitted.text()).isEqualTo(expected);
    assertThat(fitted.length()).isLessThanOrEqualTo(fitted.limit());
    assertThat(fitted.shortened()).isEqualTo(shortened);
  }

  static Stream<Arguments> refused() {
    String disclosure = "Paid partnership with Northwind Coffee Roasters, who sent us the beans, " + "d".repeat(220);
    return Stream.of(
        Arguments.of("X: a disclosure longer than a post", Platform.X, disclosure + " Lovely coffee.", disclosure, null),
        Arguments.of("X: a disclosure that leaves no room for any of the message", Platform.X,
            "Lovely coffee today " + "d".repeat(277), "d".repeat(277), null),
        Arguments.of("X thread: a disclosure longer than a whole thread's worth of room", Platform.X,
            "Short. " + "e".repeat(7100), "e".repeat(7100), PostType.THREAD));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refused")
  @DisplayName("refuses, naming the disclosure, rather than drop it")
  void refuses(String why, Platform platform, String text, String disclosure, PostType type) {
    assertThatThrownBy(() -> Platforms.fitter(platform).fit(new OptimizeRequest("p1", text, NONE, type, disclosure)))
        .isInstanceOfSatisfying(ChorusException.class, refused -> {
          assertThat(refused.error().code()).isEqualTo(ErrorCode.INVALID_REQUEST);
          assertThat(refused.error().retryable()).isFalse();
          assertThat(refused.error().message()).contains("without dropping the required disclosure");
        });
  }
}
