package io.chorus.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.chorus.contracts.platform.OptimizedContent;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("Fitting text to a limit")
class TextFitterTest {
  private static final TextFitter FIT_40 = TextFitter.create(FitRules.utf16(40));

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("text that fits is left alone",
            "Fresh coffee today.", List.of(), "Fresh coffee today.", false),
        Arguments.of("missing campaign hashtags get a paragraph of their own",
            "Fresh coffee.", List.of("#Autumn"), "Fresh coffee.\n\n#Autumn", false),
        Arguments.of("hashtags already in the text are not repeated, whatever their case",
            "Fresh #autumn coffee.", List.of("#Autumn", "Roast"), "Fresh #autumn coffee.\n\n#Roast", false),
        Arguments.of("hashtags join an existing trailing run on its line",
            "Fresh coffee. #Roast", List.of("#Autumn"), "Fresh coffee. #Roast #Autumn", false),
        Arguments.of("appended hashtags that do not fit are dropped and the text is not cut",
            "A text of exactly thirty chars", List.of("#One", "#Two"), "A text of exactly thirty chars\n\n#One", false),
        Arguments.of("trailing hashtags of the text go before the body is cut",
            "A text of exactly thirty chars #One #Two #Six", List.of(), "A text of exactly thirty chars #One #Two", true),
        Arguments.of("a long text is cut at a word boundary with an ellipsis",
            "one two three four five six seven eight nine ten", List.of(), "one two three four five six seven eight…", true),
        Arguments.of("a sentence boundary is preferred when it keeps most of the text",
            "One two three four five six. Seven eight nine", List.of(), "One two three four five six…", true),
        Arguments.of("a word with no boundary is cut between graphemes",
            "x".repeat(60), List.of(), "x".repeat(39) + "…", true),
        Arguments.of("blank hashtags are ignored",
            "Coffee.", List.of(" ", "#"), "Coffee.", false),
        Arguments.of("empty text becomes just the hashtags",
            "", List.of("#Autumn"), "#Autumn", false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  @DisplayName("fits text to 40 UTF-16 units")
  void fits(String why, String text, List<String> hashtags, String expected, boolean shortened) {
    OptimizedContent fitted = FIT_40.fit(text, hashtags);

    assertThat(fitted.text()).isEqualTo(expected);
    assertThat(fitted.length()).isEqualTo(expected.length()).isLessThanOrEqualTo(40);
    assertThat(fitted.limit()).isEqualTo(40);
    assertThat(fitted.shortened()).isEqualTo(shortened);
  }

  @Test
  @DisplayName("a hashtag is never cut in half")
  void neverSplitsHashtag() {
    OptimizedContent fitted = FIT_40.fit("Beans #SpecialtyCoffeeRoastersOfTheNorth and more words", List.of());

    assertThat(fitted.text()).isEqualTo("Beans…");
  }

  @Test
  @DisplayName("a hard hashtag cap drops surplus trailing hashtags and un-tags surplus ones in the text")
  void hardHashtagCap() {
    TextFitter fitter = TextFitter.create(new FitRules(100, 2, true, String::length));

    assertThat(fitter.fit("#a #b #c", List.of("#d")).text()).isEqualTo("#a #b");
    assertThat(fitter.fit("#a #b #c words", List.of()).text()).isEqualTo("#a #b c words");
  }
}
