package io.chorus.platform.facebook;

import static org.assertj.core.api.Assertions.assertThat;

import io.chorus.contracts.platform.OptimizedContent;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Fitting Facebook Page posts")
class FacebookTextFitterTest {
  private final FacebookTextFitter fitter = new FacebookTextFitter();

  @Test
  @DisplayName("a message of exactly 63,206 characters fits and a longer one is cut")
  void limit() {
    assertThat(fitter.fit("a".repeat(63_206), List.of()).shortened()).isFalse();

    OptimizedContent cut = fitter.fit("coffee ".repeat(10_000), List.of("#Autumn"));

    assertThat(cut.shortened()).isTrue();
    assertThat(cut.length()).isLessThanOrEqualTo(63_206);
    assertThat(cut.text()).endsWith("coffee…");
  }

  @Test
  @DisplayName("appends every missing campaign hashtag")
  void hashtags() {
    assertThat(fitter.fit("Autumn.", List.of("#A", "B")).text()).isEqualTo("Autumn.\n\n#A #B");
  }
}
