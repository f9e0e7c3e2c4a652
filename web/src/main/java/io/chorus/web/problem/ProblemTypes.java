package io.chorus.web.problem;

import io.chorus.contracts.ErrorCode;
import java.util.Locale;

/** The {@code type} URIs of Chorus problems: one per error code, plus plain HTTP statuses. */
public final class ProblemTypes {
  /** For problems that say no more than their HTTP status (RFC 9457, section 4.2.1). */
  public static final String BLANK = "about:blank";
  public static final String INVALID_REQUEST = forCode(ErrorCode.INVALID_REQUEST);
  public static final String UNAUTHORIZED = "urn:chorus:problem:unauthorized";
  public static final String SERVICE_UNAVAILABLE = "urn:chorus:problem:service-unavailable";

  private ProblemTypes() {}

  /** The type of problems caused by a Chorus error code, e.g. {@code urn:chorus:problem:rate-limited}. */
  public static String forCode(ErrorCode code) {
    return "urn:chorus:problem:" + code.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
