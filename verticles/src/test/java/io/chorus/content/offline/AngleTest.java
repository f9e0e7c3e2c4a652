package io.chorus.content.offline;

import static org.assertj.core.api.Assertions.assertThat;

import io.chorus.contracts.Platform;
import io.chorus.contracts.content.GenerateRequest;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.DisplayName;

class AngleTest {
  private static final Set<String> EVERY_SLOT = Set.of("name", "desc", "short", "fact", "trend", "detail",
      "headline", "lead", "emoji");

  private final OfflineGenerator generator = OfflineGenerator.create(7L);

  @ParameterizedTest
  @EnumSource(Angle.class)
  @DisplayName("a post asked for an angle opens the way that angle opens, on every platform")
  void requestedAngleIsHonoured(Angle angle) {
    List<Pattern> openings = angle.openings(EVERY_SLOT).stream().map(AngleTest::pattern).toList();
    for (Platform platform : Platform.values()) {
      for (long seed = 1; seed <= 30; seed++) {
        String post = generator.write(request(platform, seed, angle.id()));
        assertThat(openings).as("%s post opens with a %s opening: %s", platform, angle.id(), post)
            .anyMatch(opening -> opening.matcher(post).find());
      }
    }
  }

  /** A template as a pattern: each choice an alternation, each slot any text, case-insensitive. */
  private static Pattern pattern(String template) {
    StringBuilder regex = new StringBuilder();
    for (char c : template.toCharArray()) {
      switch (c) {
        case '[' -> regex.append("(?:");
        case ']' -> regex.append(")");
        case '|' -> regex.append("|");
        case '{' -> regex.append("(?:.+?");
        case '}' -> regex.append(")");
        default -> regex.append(Character.isLetterOrDigit(c) || c == ' ' ? String.valueOf(c) : "\\" + c);
      }
    }
    // Slot names between braces became literal text inside "(?:.+?name)"; drop them.
    String cleaned = regex.toString().replaceAll("\\(\\?:\\.\\+\\?\\w+\\)", "(?:.+?)");
    return Pattern.compile(cleaned, Pattern.CASE_INSENSITIVE);
  }

  private static GenerateRequest request(Platform platform, long seed, String angle) {
    return new GenerateRequest("p", "northwind", "autumn-harvest", platform,
        "Launch of the Autumn Harvest Blend, a medium roast from a single farm in Huila, Colombia. Available now.",
        "warm", List.of("roasted in small batches every Tuesday", "tastes like baked apple and caramel"),
        List.of("#AutumnHarvest"), List.of("cosy mornings", "first frost"), "Find it at northwind.example/autumn",
        seed, angle);
  }
}
