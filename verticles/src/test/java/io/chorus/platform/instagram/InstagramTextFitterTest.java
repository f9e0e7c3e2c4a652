package io.chorus.platform.instagram;

import static org.assertj.core.api.Assertions.assertThat;

import io.chorus.contracts.platform.OptimizedContent;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Fitting Instagram captions")
class InstagramTextFitterTest {
  private final InstagramTextFitter fitter = new InstagramTextFitter();

  @Test
  @DisplayName("a caption of exactly 2,200 characters fits and one more is cut")
  void limit() {
    assertThat(fitter.fit("a".repeat(2_200), List.of()).shortened()).isFalse();

    OptimizedContent cut = fitter.fit("word ".repeat(441), List.of());

    assertThat(cut.shortened()).isTrue();
    assertThat(cut.length()).isLessThanOrEqualTo(2_200).isEqualTo(cut.text().length());
    assertThat(cut.text()).endsWith("word…");
  }

  @Test
  @DisplayName("never carries more than 30 hashtags")
  void thirtyHashtags() {
    String tags = IntStream.rangeClosed(1, 29).mapToObj(i -> "#t" + i).collect(Collectors.joining(" "));

    OptimizedContent fitted = fitter.fit("Autumn. " + tags, List.of("#Harvest", "#Coffee"));

    assertThat(fitted.text()).endsWith("#t29 #Harvest");
    assertThat(fitted.text().split("#").length - 1).isEqualTo(30);
  }

  @Test
  @DisplayName("counts emoji as the two UTF-16 units they take")
  void emoji() {
    OptimizedContent fitted = fitter.fit("😀".repeat(1_101), List.of());

    assertThat(fitted.length()).isLessThanOrEqualTo(2_200);
    assertThat(fitted.text()).endsWith("😀…");
  }
}
