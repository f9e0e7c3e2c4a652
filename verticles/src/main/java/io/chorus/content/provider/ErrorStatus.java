package io.chorus.content.provider;

import io.vertx.core.MultiMap;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns a provider's error status and headers into a {@link ProviderException} of the right kind. */
public final class ErrorStatus {
  private static final Pattern DURATION_PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|h|m|s)");

  private ErrorStatus() {
  }

  /**
   * The failure for an HTTP error answer.
   *
   * @param quotaSpent the provider said the account's quota or spend limit is spent (a 429 not worth retrying)
   */
  public static ProviderException of(String provider, int status, MultiMap headers, String message, boolean quotaSpent) {
    String text = provider + " answered " + status + ": " + message;
    if (status == 401 || status == 403) {
      return new ProviderException(ProviderException.Kind.UNAUTHORIZED, status, 0, text);
    }
    if (status == 429 && !quotaSpent) {
      return new ProviderException(ProviderException.Kind.RATE_LIMITED, status, retryAfterMs(headers), text);
    }
    if (status == 408 || status >= 500) {
      return new ProviderException(ProviderException.Kind.OUTAGE, status, retryAfterMs(headers), text);
    }
    return new ProviderException(ProviderException.Kind.REJECTED, status, 0, text);
  }

  /**
   * The wait the provider asked for: {@code retry-after-ms}, {@code retry-after} (seconds or an
   * HTTP date), then the longest of the rate-limit resets (OpenAI's durations such as
   * {@code 1m30s}, Anthropic's RFC 3339 instants); 0 when none is given.
   */
  public static long retryAfterMs(MultiMap headers) {
    String ms = headers.get("retry-after-ms");
    if (ms != null && ms.trim().matches("\\d+(\\.\\d+)?")) {
      return (long) Double.parseDouble(ms.trim());
    }
    String seconds = headers.get("retry-after");
    if (seconds != null && seconds.trim().matches("\\d+(\\.\\d+)?")) {
      return (long) (Double.parseDouble(seconds.trim()) * 1000);
    }
    long longest = 0;
    for (String name : headers.names()) {
      String lower = name.toLowerCase();
      if (lower.startsWith("x-ratelimit-reset-")) {
        longest = Math.max(longest, duration(headers.get(name)));
      } else if (lower.startsWith("anthropic-ratelimit-") && lower.endsWith("-reset")
          && "0".equals(headers.get(name.substring(0, name.length() - "reset".length()) + "remaining"))) {
        longest = Math.max(longest, untilInstant(headers.get(name)));
      }
    }
    return longest;
  }

  /** An OpenAI reset duration such as {@code 12ms}, {@code 6s} or {@code 1m30s}, in milliseconds. */
  static long duration(String value) {
    if (value == null) {
      return 0;
    }
    Matcher part = DURATION_PART.matcher(value.trim());
    double total = 0;
    while (part.find()) {
      double amount = Double.parseDouble(part.group(1));
      total += switch (part.group(2)) {
        case "h" -> amount * 3_600_000;
        case "m" -> amount * 60_000;
        case "s" -> amount * 1000;
        default -> amount;
      };
    }
    return (long) total;
  }

  private static long untilInstant(String value) {
    try {
      return Math.max(0, Duration.between(Instant.now(), Instant.parse(value.trim())).toMillis());
    } catch (DateTimeParseException | NullPointerException notAnInstant) {
      return 0;
    }
  }
}
