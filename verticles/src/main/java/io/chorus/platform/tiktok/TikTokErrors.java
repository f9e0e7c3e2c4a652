package io.chorus.platform.tiktok;

import io.chorus.platform.ErrorKind;
import io.chorus.platform.ErrorReader;
import io.vertx.core.json.JsonObject;
import java.util.Map;

/**
 * Reads TikTok's envelope {@code {"data":{},"error":{"code","message","log_id"}}}, whose
 * {@code error.code} is "ok" on success. The code decides what a failure means, whatever the
 * HTTP status; an unknown code falls back to the status.
 */
public final class TikTokErrors implements ErrorReader {
  public static final TikTokErrors READER = new TikTokErrors();

  static final Map<String, ErrorKind> BY_CODE = Map.ofEntries(
      Map.entry("rate_limit_exceeded", ErrorKind.THROTTLED),
      Map.entry("spam_risk_too_many_posts", ErrorKind.THROTTLED),          // the creator's daily cap
      Map.entry("spam_risk_too_many_pending_share", ErrorKind.THROTTLED),  // too many posts still processing
      Map.entry("internal_error", ErrorKind.TRANSIENT),
      Map.entry("access_token_invalid", ErrorKind.PERMANENT),
      Map.entry("scope_not_authorized", ErrorKind.PERMANENT),
      Map.entry("scope_permission_missed", ErrorKind.PERMANENT),
      Map.entry("invalid_params", ErrorKind.PERMANENT),
      Map.entry("privacy_level_option_mismatch", ErrorKind.PERMANENT),
      Map.entry("url_ownership_unverified", ErrorKind.PERMANENT),
      Map.entry("unaudited_client_can_only_post_to_private_accounts", ErrorKind.PERMANENT),
      Map.entry("spam_risk_user_banned_from_posting", ErrorKind.PERMANENT),
      Map.entry("spam_risk_text", ErrorKind.PERMANENT),
      Map.entry("reached_active_user_cap", ErrorKind.PERMANENT));

  private TikTokErrors() {}

  /** The error's message with its code and log id, which TikTok support asks for. */
  @Override
  public String message(JsonObject envelope) {
    JsonObject error = envelope.getValue("error") instanceof JsonObject object ? object : null;
    if (error == null) {
      return null;
    }
    String logId = error.getString("log_id");
    return error.getString("message", "") + " (" + error.getString("code", "no code")
        + (logId == null || logId.isBlank() ? "" : ", log_id " + logId) + ")";
  }

  @Override
  public ErrorKind classify(int status, JsonObject envelope) {
    JsonObject error = envelope.getValue("error") instanceof JsonObject object ? object : new JsonObject();
    ErrorKind kind = error.getValue("code") instanceof String code ? BY_CODE.get(code) : null;
    return kind == null ? ErrorReader.byStatus(status) : kind;
  }
}
