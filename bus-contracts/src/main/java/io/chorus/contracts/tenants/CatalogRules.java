package io.chorus.contracts.tenants;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules values of brands, accounts and campaigns created through the API keep, checked alike
 * by the API at its edge and by the catalog service behind it. Each check answers what is wrong,
 * or null when nothing is.
 */
public final class CatalogRules {
  /** Ids of rows created through the API: lower-case, URL-safe, 2 to 63 characters. */
  public static final Pattern ID = Pattern.compile("^[a-z0-9][a-z0-9-]{1,62}$");
  /** A hashtag as the configuration takes it, such as {@code #Coffee}. */
  public static final Pattern HASHTAG = Pattern.compile("^#[^\\s#]+$");
  /** The account statuses a person may set; NEEDS_REAUTHORIZATION is the agents' to set. */
  public static final Set<String> SETTABLE_STATUSES = Set.of("ACTIVE", "PAUSED");

  private CatalogRules() {}

  public static String idProblem(String id) {
    return id != null && ID.matcher(id).matches() ? null
        : "must be 2 to 63 lower-case letters, digits and dashes, starting with a letter or digit";
  }

  public static String timeZoneProblem(String zone) {
    try {
      ZoneId.of(zone);
      return null;
    } catch (DateTimeException | NullPointerException unknown) {
      return "'" + zone + "' is not a time zone; expected an IANA zone such as Europe/Paris or UTC";
    }
  }

  public static String hashtagsProblem(List<String> hashtags) {
    for (String tag : hashtags) {
      if (tag == null || !HASHTAG.matcher(tag).matches()) {
        return "'" + tag + "' is not a hashtag such as #Coffee";
      }
    }
    return null;
  }

  public static String statusProblem(String status) {
    return SETTABLE_STATUSES.contains(status) ? null : "must be ACTIVE or PAUSED";
  }
}
