package io.chorus.platform.insights;

import java.util.List;
import java.util.Map;

/**
 * What one read of a platform's insights gave.
 *
 * @param values normalised metrics by the platform's post id
 * @param missing post ids the platform says it does not know
 * @param failed post ids the platform could not read this time
 */
public record InsightsRead(Map<String, Map<String, Long>> values, List<String> missing, List<String> failed) {

  public InsightsRead {
    values = Map.copyOf(values);
    missing = List.copyOf(missing);
    failed = List.copyOf(failed);
  }

  /** A read that failed as a whole. */
  public static InsightsRead failed(List<String> ids) {
    return new InsightsRead(Map.of(), List.of(), ids);
  }
}
