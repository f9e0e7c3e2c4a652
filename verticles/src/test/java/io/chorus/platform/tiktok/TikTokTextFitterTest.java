package io.chorus.platform.tiktok;

import static org.assertj.core.api.Assertions.assertThat;

import io.chorus.contracts.platform.OptimizedContent;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Fitting TikTok photo posts")
class TikTokTextFitterTest {
  private final TikTokTextFitter fitter = new TikTokTextFitter();

  @Test
  @DisplayName("the description holds 4,000 UTF-16 units")
  void description() {
    assertThat(fitter.fit("a".repeat(4_000), List.of()).shortened()).isFalse();

    OptimizedContent cut = fitter.fit("😀".repeat(2_001), List.of());

    assertThat(cut.shortened()).isTrue();
    assertThat(cut.length()).isEqualTo(cut.text().length()).isLessThanOrEqualTo(4_000);
  }

  @Test
  @DisplayName("the title is the first sentence, fitted to 90 units")
  void title() {
    assertThat(fitter.title("Autumn is here. Come taste it.\n\n#Autumn")).isEqualTo("Autumn is here.");
    assertThat(fitter.title("word ".repeat(40))).hasSizeLessThanOrEqualTo(90).endsWith("word…");
  }
}
