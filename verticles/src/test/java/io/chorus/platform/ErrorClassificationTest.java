package io.chorus.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.chorus.contracts.ChorusError;
import io.chorus.contracts.ErrorCode;
import io.chorus.platform.facebook.GraphError;
import io.chorus.platform.linkedin.LinkedInErrors;
import io.chorus.platform.tiktok.TikTokErrors;
import io.chorus.platform.x.XErrors;
import io.vertx.core.json.JsonObject;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("Each platform's error envelope is classified as throttled, transient or permanent, keeping its message")
class ErrorClassificationTest {
  private static final ErrorKind THROTTLED = ErrorKind.THROTTLED;
  private static final ErrorKind TRANSIENT = ErrorKind.TRANSIENT;
  private static final ErrorKind PERMANENT = ErrorKind.PERMANENT;

  static Arguments row(String why, ErrorReader reader, int status, String body, ErrorKind kind, String message) {
    return Arguments.of(why, reader, status, body, kind, message);
  }

  static Stream<Arguments> x() {
    ErrorReader x = XErrors.READER;
    return Stream.of(
        row("problem: rate limit (429 Too Many Requests)", x, 429,
            "{\"title\":\"Too Many Requests\",\"detail\":\"Too Many Requests\",\"type\":\"about:blank\",\"status\":429}",
            THROTTLED, "Too Many Requests"),
        row("problem: usage cap of the app's tier", x, 429,
            "{\"title\":\"UsageCapExceeded\",\"detail\":\"Usage cap exceeded: Monthly product cap\",\"type\":\"https://api.twitter.com/2/problems/usage-capped\",\"status\":429}",
            THROTTLED, "Usage cap exceeded: Monthly product cap"),
        row("problem: invalid request keeps the parameter's message", x, 400,
            "{\"title\":\"Invalid Request\",\"detail\":\"One or more parameters to your request was invalid.\",\"type\":\"https://api.twitter.com/2/problems/invalid-request\",\"errors\":[{\"parameters\":{\"text\":[\"...\"]},\"message\":\"The text of your post is too long.\"}]}",
            PERMANENT, "One or more parameters to your request was invalid. The text of your post is too long."),
        row("problem: duplicate content is a 403 that retrying cannot fix", x, 403,
            "{\"title\":\"Forbidden\",\"detail\":\"You are not allowed to create a Tweet with duplicate content.\",\"type\":\"about:blank\",\"status\":403}",
            PERMANENT, "duplicate content"),
        row("problem: missing write permission", x, 403,
            "{\"title\":\"Unsupported Authentication\",\"detail\":\"Authenticating with OAuth 2.0 Application-Only is forbidden for this endpoint.\",\"type\":\"https://api.twitter.com/2/problems/unsupported-authentication\",\"status\":403}",
            PERMANENT, "Application-Only is forbidden"),
        row("problem: service unavailable", x, 503,
            "{\"title\":\"Service Unavailable\",\"detail\":\"Service Unavailable\",\"type\":\"about:blank\",\"status\":503}",
            TRANSIENT, "Service Unavailable"),
        row("legacy: code 88 rate limit exceeded", x, 429,
            "{\"errors\":[{\"code\":88,\"message\":\"Rate limit exceeded\"}]}", THROTTLED, "Rate limit exceeded"),
        row("legacy: code 185 daily status limit, sent as 403", x, 403,
            "{\"errors\":[{\"code\":185,\"message\":\"User is over daily status update limit.\"}]}", THROTTLED, "daily status update limit"),
        row("legacy: code 130 over capacity", x, 503,
            "{\"errors\":[{\"code\":130,\"message\":\"Over capacity\"}]}", TRANSIENT, "Over capacity"),
        row("legacy: code 187 duplicate", x, 403,
            "{\"errors\":[{\"code\":187,\"message\":\"Status is a duplicate.\"}]}", PERMANENT, "Status is a duplicate."),
        row("an empty body falls back to the status", x, 502, "", TRANSIENT, null));
  }

  static Stream<Arguments> graph() {
    ErrorReader graph = GraphError.READER;
    return Stream.of(
        row("code 4: application request limit", graph, 400,
            "{\"error\":{\"message\":\"(#4) Application request limit reached\",\"type\":\"OAuthException\",\"is_transient\":true,\"code\":4,\"fbtrace_id\":\"A1\"}}",
            THROTTLED, "(#4) Application request limit reached (code 4)"),
        row("code 17: user request limit, as a 403", graph, 403,
            "{\"error\":{\"message\":\"(#17) User request limit reached\",\"type\":\"OAuthException\",\"code\":17,\"fbtrace_id\":\"A2\"}}",
            THROTTLED, "(code 17)"),
        row("code 32: page request limit", graph, 400,
            "{\"error\":{\"message\":\"(#32) Page request limit reached\",\"type\":\"OAuthException\",\"code\":32}}", THROTTLED, "(code 32)"),
        row("code 613: custom rate limit", graph, 400,
            "{\"error\":{\"message\":\"Calls to this api have exceeded the rate limit.\",\"type\":\"OAuthException\",\"code\":613}}", THROTTLED, "(code 613)"),
        row("code 80001: Pages business use case throttle", graph, 400,
            "{\"error\":{\"message\":\"There have been too many calls to this Page account.\",\"type\":\"OAuthException\",\"code\":80001,\"is_transient\":true}}",
            THROTTLED, "(code 80001)"),
        row("code 80006: another business use case throttle", graph, 400,
            "{\"error\":{\"message\":\"Too many calls.\",\"type\":\"OAuthException\",\"code\":80006}}", THROTTLED, "(code 80006)"),
        row("code 9 subcode 2207042: Instagram's daily publishing limit", graph, 400,
            "{\"error\":{\"message\":\"Application request limit reached\",\"type\":\"OAuthException\",\"code\":9,\"error_subcode\":2207042,\"is_transient\":false,\"error_user_msg\":\"This account has reached the limit of posts published through the API in 24 hours.\"}}",
            THROTTLED, "limit of posts published through the API in 24 hours. (code 9, subcode 2207042)"),
        row("code 9007 subcode 2207027: media not ready yet", graph, 400,
            "{\"error\":{\"message\":\"Media ID is not available\",\"type\":\"OAuthException\",\"code\":9007,\"error_subcode\":2207027}}",
            TRANSIENT, "(code 9007, subcode 2207027)"),
        row("code 2: service temporarily unavailable", graph, 500,
            "{\"error\":{\"message\":\"An unexpected error has occurred. Please retry your request later.\",\"type\":\"OAuthException\",\"is_transient\":true,\"code\":2}}",
            TRANSIENT, "Please retry your request later."),
        row("an unknown code flagged is_transient", graph, 400,
            "{\"error\":{\"message\":\"Temporary hiccup\",\"type\":\"OAuthException\",\"code\":12345,\"is_transient\":true}}",
            TRANSIENT, "Temporary hiccup"),
        row("code 190 subcode 463: expired token", graph, 400,
            "{\"error\":{\"message\":\"Error validating access token: Session has expired\",\"type\":\"OAuthException\",\"code\":190,\"error_subcode\":463}}",
            PERMANENT, "Session has expired (code 190, subcode 463)"),
        row("code 200: permission missing", graph, 403,
            "{\"error\":{\"message\":\"(#200) Requires pages_manage_posts permission\",\"type\":\"OAuthException\",\"code\":200}}",
            PERMANENT, "Requires pages_manage_posts permission"),
        row("code 100: invalid parameter", graph, 400,
            "{\"error\":{\"message\":\"(#100) The specified scheduled publish time is invalid.\",\"type\":\"OAuthException\",\"code\":100}}",
            PERMANENT, "scheduled publish time is invalid"),
        row("code 506: duplicate post", graph, 400,
            "{\"error\":{\"message\":\"(#506) Duplicate status message\",\"type\":\"OAuthException\",\"code\":506}}", PERMANENT, "Duplicate status message"),
        row("code 368: temporarily blocked for policy: wait", graph, 400,
            "{\"error\":{\"message\":\"It looks like you were misusing this feature by going too fast.\",\"type\":\"OAuthException\",\"code\":368}}",
            THROTTLED, "(code 368)"));
  }

  static Stream<Arguments> linkedin() {
    ErrorReader linkedin = LinkedInErrors.READER;
    return Stream.of(
        row("429: daily resource throttle", linkedin, 429,
            "{\"status\":429,\"serviceErrorCode\":101,\"code\":\"TOO_MANY_REQUESTS\",\"message\":\"Resource level throttle APPLICATION AND MEMBER DAY limit for calls to this resource is reached.\"}",
            THROTTLED, "Resource level throttle"),
        row("401: invalid token", linkedin, 401,
            "{\"status\":401,\"serviceErrorCode\":65600,\"code\":\"INVALID_ACCESS_TOKEN\",\"message\":\"Invalid access token\"}",
            PERMANENT, "Invalid access token (serviceErrorCode 65600)"),
        row("403: not enough permissions to post as the organization", linkedin, 403,
            "{\"status\":403,\"serviceErrorCode\":100,\"code\":\"ACCESS_DENIED\",\"message\":\"Not enough permissions to access: partnerApiPostsExternal.CREATE.20260101\"}",
            PERMANENT, "Not enough permissions"),
        row("422: validation of a field", linkedin, 422,
            "{\"status\":422,\"message\":\"/commentary :: must be a string of at most 3000 characters\"}", PERMANENT, "/commentary ::"),
        row("426: a sunset API version", linkedin, 426,
            "{\"status\":426,\"code\":\"NONEXISTENT_VERSION\",\"message\":\"Requested version 202201 is not active\"}", PERMANENT, "202201 is not active"),
        row("500: LinkedIn's own fault", linkedin, 500,
            "{\"status\":500,\"message\":\"Internal Server Error\"}", TRANSIENT, "Internal Server Error"),
        row("504: gateway timeout with no body", linkedin, 504, "", TRANSIENT, null));
  }

  static Stream<Arguments> tiktok() {
    ErrorReader tiktok = TikTokErrors.READER;
    return Stream.of(
        row("rate_limit_exceeded (429)", tiktok, 429,
            "{\"data\":{},\"error\":{\"code\":\"rate_limit_exceeded\",\"message\":\"API rate limit was exceeded.\",\"log_id\":\"202611241200ABC\"}}",
            THROTTLED, "API rate limit was exceeded. (rate_limit_exceeded, log_id 202611241200ABC)"),
        row("spam_risk_too_many_posts: the creator's daily cap, sent as 403", tiktok, 403,
            "{\"data\":{},\"error\":{\"code\":\"spam_risk_too_many_posts\",\"message\":\"The daily post cap has been reached.\",\"log_id\":\"L2\"}}",
            THROTTLED, "daily post cap"),
        row("internal_error (500)", tiktok, 500,
            "{\"data\":{},\"error\":{\"code\":\"internal_error\",\"message\":\"Something went wrong.\",\"log_id\":\"L3\"}}",
            TRANSIENT, "Something went wrong."),
        row("an unknown code on a 503 is transient", tiktok, 503,
            "{\"data\":{},\"error\":{\"code\":\"service_busy\",\"message\":\"Busy.\",\"log_id\":\"L4\"}}", TRANSIENT, "Busy."),
        row("access_token_invalid (401)", tiktok, 401,
            "{\"data\":{},\"error\":{\"code\":\"access_token_invalid\",\"message\":\"The access token is invalid or not found in the request.\",\"log_id\":\"L5\"}}",
            PERMANENT, "access token is invalid"),
        row("privacy_level_option_mismatch (400)", tiktok, 400,
            "{\"data\":{},\"error\":{\"code\":\"privacy_level_option_mismatch\",\"message\":\"privacy_level is not one of the creator's options\",\"log_id\":\"L6\"}}",
            PERMANENT, "privacy_level_option_mismatch"),
        row("url_ownership_unverified (403)", tiktok, 403,
            "{\"data\":{},\"error\":{\"code\":\"url_ownership_unverified\",\"message\":\"Verify the domain of the URL.\",\"log_id\":\"L7\"}}",
            PERMANENT, "url_ownership_unverified"),
        row("spam_risk_user_banned_from_posting", tiktok, 403,
            "{\"data\":{},\"error\":{\"code\":\"spam_risk_user_banned_from_posting\",\"message\":\"The user is banned from posting.\",\"log_id\":\"L8\"}}",
            PERMANENT, "banned from posting"));
  }

  @ParameterizedTest(name = "X {0}")
  @MethodSource("x")
  @DisplayName("X problem documents and legacy errors")
  void xErrors(String why, ErrorReader reader, int status, String body, ErrorKind kind, String message) {
    classifies(reader, status, body, kind, message);
  }

  @ParameterizedTest(name = "Graph {0}")
  @MethodSource("graph")
  @DisplayName("Graph API error objects (Facebook and Instagram)")
  void graphErrors(String why, ErrorReader reader, int status, String body, ErrorKind kind, String message) {
    classifies(reader, status, body, kind, message);
  }

  @ParameterizedTest(name = "LinkedIn {0}")
  @MethodSource("linkedin")
  @DisplayName("LinkedIn REST errors")
  void linkedinErrors(String why, ErrorReader reader, int status, String body, ErrorKind kind, String message) {
    classifies(reader, status, body, kind, message);
  }

  @ParameterizedTest(name = "TikTok {0}")
  @MethodSource("tiktok")
  @DisplayName("TikTok envelopes")
  void tiktokErrors(String why, ErrorReader reader, int status, String body, ErrorKind kind, String message) {
    classifies(reader, status, body, kind, message);
  }

  private static void classifies(ErrorReader reader, int status, String body, ErrorKind kind, String message) {
    JsonObject json = body.isEmpty() ? new JsonObject() : new JsonObject(body);

    assertThat(reader.classify(status, json)).isEqualTo(kind);
    if (message == null) {
      assertThat(reader.message(json)).isNull();
    } else {
      assertThat(reader.message(json)).contains(message);
    }
    ChorusError error = PlatformHttp.error(kind, "platform answered " + status + ": " + reader.message(json), 0);
    assertThat(error.retryable()).isEqualTo(kind != PERMANENT);
    assertThat(error.code()).isEqualTo(switch (kind) {
      case THROTTLED -> ErrorCode.RATE_LIMITED;
      case TRANSIENT -> ErrorCode.PLATFORM_UNAVAILABLE;
      case PERMANENT -> ErrorCode.PLATFORM_REJECTED;
    });
  }
}
