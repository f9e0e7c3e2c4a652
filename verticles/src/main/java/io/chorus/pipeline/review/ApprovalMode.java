package io.chorus.pipeline.review;

import java.util.Arrays;
import java.util.Locale;

/** What happens to a post that keeps every rule: approved at once, or held for a person. */
public enum ApprovalMode {
  AUTOMATIC,
  HUMAN;

  /** The mode as the configuration spells it ({@code automatic} or {@code human}). */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static ApprovalMode of(String id) {
    return Arrays.stream(values()).filter(mode -> mode.id().equals(id)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown approval mode '" + id + "'"));
  }
}
