package io.chorus.platform.signal;

import io.chorus.contracts.Platform;
import io.vertx.core.MultiMap;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Set;

/**
 * Reads what a throttled answer says about the quota that ran out: X's {@code x-rate-limit-*},
 * {@code x-user-limit-24hour-*} and {@code x-app-limit-24hour-*} headers; Meta's Graph error codes
 * with {@code X-Business-Use-Case-Usage}, {@code X-Ad-Account-Usage} and {@code X-App-Usage};
 * LinkedIn's daily quotas, which reset at midnight UTC; and {@code Retry-After} anywhere.
 */
public final class RateSignals {
  /** Graph codes of limits on the app as a whole: app request limit, application limit reached. */
  private static final Set<Integer> GRAPH_APP_CODES = Set.of(4, 341);
  /** Every share of an X-App-Usage quota is throttled at 100 %. */
  private static final int FULL = 100;

  private RateSignals() {}

  /** The throttle a throttled answer reports; its wait is {@link Throttle#UNSTATED} when the platform gave no time. */
  public static Throttle read(Platform platform, MultiMap headers, JsonObject body, long nowMs) {
    long retryAfter = retryAfterMs(headers, nowMs);
    Throttle stated = switch (platform) {
      case X -> x(headers, body, nowMs);
      case FACEBOOK, INSTAGRAM -> graph(headers, body, nowMs);
      case LINKEDIN -> linkedIn(body, nowMs);
      case TIKTOK -> new Throttle(Throttle.Scope.ACCOUNT, Throttle.UNSTATED);
    };
    return new Throttle(stated.scope(), Math.max(stated.waitMs(), retryAfter));
  }

  /**
   * X: the 24-hour app cap, then the user's 24-hour cap, then the 15-minute window, whichever is
   * spent; the resets are absolute unix seconds.
   */
  static Throttle x(MultiMap headers, JsonObject body, long nowMs) {
    if (spent(headers, "x-app-limit-24hour-remaining") || body.getString("type", "").endsWith("/usage-capped")) {
      return new Throttle(Throttle.Scope.APP, untilUnixSeconds(headers.get("x-app-limit-24hour-reset"), nowMs));
    }
    long wait = Throttle.UNSTATED;
    if (spent(headers, "x-user-limit-24hour-remaining")) {
      wait = untilUnixSeconds(headers.get("x-user-limit-24hour-reset"), nowMs);
    }
    if (spent(headers, "x-rate-limit-remaining") || wait == Throttle.UNSTATED) {
      wait = Math.max(wait, untilUnixSeconds(headers.get("x-rate-limit-reset"), nowMs));
    }
    return new Throttle(Throttle.Scope.ACCOUNT, wait);
  }

  /**
   * Graph: codes 4 and 341 limit the app, the others (17 user, 32 page, 613 custom, 80001 Pages
   * and 80002 Instagram business use cases, 9 Instagram's daily publishing quota) the account.
   * Only the business-use-case and ad-account headers say when access returns.
   */
  static Throttle graph(MultiMap headers, JsonObject body, long nowMs) {
    Object code = body.getJsonObject("error", new JsonObject()).getValue("code");
    boolean app = code instanceof Number number && GRAPH_APP_CODES.contains(number.intValue())
        || appUsageFull(headers.get("X-App-Usage"));
    long wait = Math.max(businessUseCaseWaitMs(headers.get("X-Business-Use-Case-Usage")),
        adAccountWaitMs(headers.get("X-Ad-Account-Usage")));
    // A throttle estimating no wait at all says nothing about when access returns.
    return new Throttle(app ? Throttle.Scope.APP : Throttle.Scope.ACCOUNT, wait > 0 ? wait : Throttle.UNSTATED);
  }

  /**
   * LinkedIn sends no rate headers; a daily quota ("... DAY limit ...") resets at midnight UTC.
   * A throttle of the application alone (no MEMBER in the message) concerns every account.
   */
  static Throttle linkedIn(JsonObject body, long nowMs) {
    String message = body.getString("message", "").toUpperCase(Locale.ROOT);
    Throttle.Scope scope = message.contains("APPLICATION") && !message.contains("MEMBER")
        ? Throttle.Scope.APP : Throttle.Scope.ACCOUNT;
    if (!message.contains("DAY")) {
      return new Throttle(scope, Throttle.UNSTATED);
    }
    Instant midnight = LocalDate.ofInstant(Instant.ofEpochMilli(nowMs), ZoneOffset.UTC).plusDays(1)
        .atStartOfDay(ZoneOffset.UTC).toInstant();
    return new Throttle(scope, midnight.toEpochMilli() - nowMs);
  }

  /** {@code Retry-After} in seconds or as an HTTP date; {@link Throttle#UNSTATED} when absent or unreadable. */
  public static long retryAfterMs(MultiMap headers, long nowMs) {
    String retryAfter = headers.get("retry-after");
    if (retryAfter == null) {
      return Throttle.UNSTATED;
    }
    try {
      String value = retryAfter.strip();
      if (value.matches("\\d+")) {
        return Long.parseLong(value) * 1000;
      }
      Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      return Math.max(0, at.toEpochMilli() - nowMs);
    } catch (NumberFormatException | DateTimeParseException unreadable) {
      // A header we cannot read is no reason to fail; the platform's other signals or the default apply.
      return Throttle.UNSTATED;
    }
  }

  /** The wait until an absolute unix-seconds reset, 0 when it has passed; {@link Throttle#UNSTATED} when absent or unreadable. */
  static long untilUnixSeconds(String reset, long nowMs) {
    if (reset == null) {
      return Throttle.UNSTATED;
    }
    try {
      return Math.max(0, Long.parseLong(reset.strip()) * 1000 - nowMs);
    } catch (NumberFormatException unreadable) {
      return Throttle.UNSTATED;
    }
  }

  private static boolean spent(MultiMap headers, String remainingHeader) {
    String remaining = headers.get(remainingHeader);
    return remaining != null && remaining.strip().equals("0");
  }

  /** {@code {"call_count":n,"total_cputime":n,"total_time":n}}: any share at 100 % throttles the app. */
  static boolean appUsageFull(String header) {
    JsonObject usage = object(header);
    return usage != null && usage.stream()
        .anyMatch(entry -> entry.getValue() instanceof Number share && share.intValue() >= FULL);
  }

  /**
   * {@code {"<object-id>":[{"type","call_count","total_cputime","total_time",
   * "estimated_time_to_regain_access":minutes}]}}: the longest estimate, in ms.
   */
  static long businessUseCaseWaitMs(String header) {
    JsonObject usage = object(header);
    long minutes = 0;
    if (usage != null) {
      for (String objectId : usage.fieldNames()) {
        if (usage.getValue(objectId) instanceof JsonArray entries) {
          for (Object entry : entries) {
            if (entry instanceof JsonObject useCase
                && useCase.getValue("estimated_time_to_regain_access") instanceof Number estimate) {
              minutes = Math.max(minutes, estimate.longValue());
            }
          }
        }
      }
    }
    return minutes * 60_000;
  }

  /** {@code {"acc_id_util_pct":n,"reset_time_duration":seconds,...}}: the reset, in ms, once full. */
  static long adAccountWaitMs(String header) {
    JsonObject usage = object(header);
    if (usage == null || !(usage.getValue("acc_id_util_pct") instanceof Number pct) || pct.intValue() < FULL) {
      return 0;
    }
    return usage.getValue("reset_time_duration") instanceof Number seconds ? seconds.longValue() * 1000 : 0;
  }

  private static JsonObject object(String header) {
    if (header == null || header.isBlank()) {
      return null;
    }
    try {
      return new JsonObject(header);
    } catch (DecodeException notJson) {
      return null;
    }
  }
}
