package io.chorus.content.image.impl;

import io.chorus.contracts.ChorusError;
import io.chorus.contracts.ErrorCode;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;

/** An image provider's failed response as a ChorusError: who may retry, and when. */
final class ProviderErrors {
  private ProviderErrors() {}

  static ChorusError of(String provider, HttpResponse<Buffer> response, String message, boolean quotaExhausted) {
    int status = response.statusCode();
    String what = provider + " answered " + status + ": " + message;
    if (status == 429 && !quotaExhausted) {
      return ChorusError.retryAfter(ErrorCode.RATE_LIMITED, what, retryAfterMs(response.getHeader("retry-after")));
    }
    if (status >= 500 || status == 408) {
      return ChorusError.of(ErrorCode.PROVIDER_UNAVAILABLE, what);
    }
    return new ChorusError(ErrorCode.INVALID_REQUEST, what, false, 0);
  }

  private static long retryAfterMs(String header) {
    try {
      return header == null ? 0 : Math.round(Double.parseDouble(header.strip()) * 1000);
    } catch (NumberFormatException notSeconds) {
      return 0;
    }
  }
}
