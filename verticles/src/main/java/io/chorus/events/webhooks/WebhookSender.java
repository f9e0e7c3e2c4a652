package io.chorus.events.webhooks;

import io.chorus.contracts.ChorusError;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.codec.BodyCodec;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Sends one signed webhook: checks where the target's host resolves, connects to that very
 * address (the host still named in {@code Host} and TLS SNI), and reports how the target answered.
 */
final class WebhookSender {
  private final WebClient client;
  private final TargetGuard guard;
  private final WebhookSigner signer;
  private final long timeoutMs;

  WebhookSender(WebClient client, TargetGuard guard, WebhookSigner signer, long timeoutMs) {
    this.client = client;
    this.guard = guard;
    this.signer = signer;
    this.timeoutMs = timeoutMs;
  }

  /** How an attempt went. {@code status} is null when the target gave no HTTP answer. */
  record Outcome(Integer status, String error, long retryAfterSeconds) {
    static Outcome failed(Integer status, String error, long retryAfterSeconds) {
      return new Outcome(status, error, retryAfterSeconds);
    }

    boolean succeeded() {
      return status != null && status >= 200 && status < 300;
    }

    boolean gone() {
      return status != null && status == 410;
    }
  }

  Future<Outcome> send(String url, String messageId, String body, List<String> secrets) {
    URI target;
    try {
      target = SubscriptionsVerticle.target(url);
    } catch (IllegalArgumentException bad) {
      return Future.succeededFuture(Outcome.failed(null, "url " + bad.getMessage(), 0));
    }
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    boolean tls = target.getScheme().toLowerCase(Locale.ROOT).equals("https");
    int port = target.getPort() != -1 ? target.getPort() : tls ? 443 : 80;
    String path = (target.getRawPath() == null || target.getRawPath().isEmpty() ? "/" : target.getRawPath())
        + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery());
    return guard.resolve(target.getHost()).compose(address -> {
      long timestamp = Instant.now().getEpochSecond();
      RequestOptions request = new RequestOptions()
          .setMethod(HttpMethod.POST)
          .setHost(address.getHostAddress())
          .setPort(port)
          .setURI(path)
          .setSsl(tls);
      return client.request(HttpMethod.POST, request)
          .virtualHost(target.getHost())
          .putHeader("content-type", "application/json")
          .putHeader("webhook-id", messageId)
          .putHeader("webhook-timestamp", Long.toString(timestamp))
          .putHeader("webhook-signature", signer.sign(messageId, timestamp, bytes, secrets))
          .idleTimeout(timeoutMs)
          .as(BodyCodec.none())
          .sendBuffer(Buffer.buffer(bytes))
          .timeout(timeoutMs, TimeUnit.MILLISECONDS)
          .map(WebhookSender::outcome);
    }).recover(failure -> Future.succeededFuture(Outcome.failed(null, describe(failure), 0)));
  }

  private static Outcome outcome(HttpResponse<Void> response) {
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      return new Outcome(status, null, 0);
    }
    return Outcome.failed(status, "the target answered " + status, retryAfterSeconds(response.getHeader("retry-after")));
  }

  private static long retryAfterSeconds(String header) {
    try {
      return header == null ? 0 : Math.max(0, Long.parseLong(header.trim()));
    } catch (NumberFormatException httpDate) {
      return 0;
    }
  }

  private static String describe(Throwable failure) {
    String message = ChorusError.from(failure).message();
    return failure instanceof java.util.concurrent.TimeoutException || message.toLowerCase(Locale.ROOT).contains("timeout")
        ? "no answer within the timeout" : message;
  }
}
