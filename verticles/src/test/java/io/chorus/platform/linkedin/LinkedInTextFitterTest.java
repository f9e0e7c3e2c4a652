package io.chorus.platform.linkedin;

import static org.assertj.core.api.Assertions.assertThat;

import io.chorus.contracts.platform.OptimizedContent;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Fitting LinkedIn commentary")
class LinkedInTextFitterTest {
  private final LinkedInTextFitter fitter = new LinkedInTextFitter();

  @Test
  @DisplayName("escapes every reserved character of the little format")
  void escapes() {
    assertThat(LittleText.escape("a\\b|c{d}e@f[g]h(i)j<k>l#m*n_o~p"))
        .isEqualTo("a\\\\b\\|c\\{d\\}e\\@f\\[g\\]h\\(i\\)j\\<k\\>l\\#m\\*n\\_o\\~p");
  }

  @Test
  @DisplayName("counts the commentary as it will be once escaped")
  void countsEscaped() {
    OptimizedContent fitted = fitter.fit("(a) ".repeat(600), List.of());

    assertThat(fitted.shortened()).isTrue();
    assertThat(LittleText.escape(fitted.text()).length()).isEqualTo(fitted.length()).isLessThanOrEqualTo(3_000);
  }

  @Test
  @DisplayName("3,000 plain characters fit exactly and 3,001 do not")
  void limit() {
    assertThat(fitter.fit("a".repeat(3_000), List.of()).shortened()).isFalse();
    assertThat(fitter.fit("a".repeat(3_001), List.of()).shortened()).isTrue();
  }

  @Test
  @DisplayName("keeps every campaign hashtag")
  void hashtags() {
    assertThat(fitter.fit("Autumn.", List.of("#A", "#B", "#C")).text()).isEqualTo("Autumn.\n\n#A #B #C");
  }
}
