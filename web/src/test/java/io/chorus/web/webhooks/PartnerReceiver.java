package io.chorus.web.webhooks;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A partner's webhook endpoint, as a partner would write it: records every request and verifies
 * its Standard Webhooks signature on its own. Answers with the statuses queued (or not at all for
 * {@link #NO_ANSWER}), then 200.
 */
final class PartnerReceiver {
  /** One request as received. */
  record Received(MultiMap headers, String body) {
    String id() {
      return headers.get("webhook-id");
    }

    /** Whether one of the signatures was made with {@code secret} over id.timestamp.body. */
    boolean signedWith(String secret) {
      String expected = "v1," + Base64.getEncoder().encodeToString(hmac(secret,
          headers.get("webhook-id") + "." + headers.get("webhook-timestamp") + "." + body));
      for (String signature : headers.get("webhook-signature").split(" ")) {
        if (java.security.MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
            signature.getBytes(StandardCharsets.UTF_8))) {
          return true;
        }
      }
      return false;
    }
  }

  /** Queue this as a status to leave a request unanswered, like a target that hangs. */
  static final int NO_ANSWER = 0;

  final Queue<Received> received = new ConcurrentLinkedQueue<>();
  final Queue<Integer> statuses = new ConcurrentLinkedQueue<>();
  private HttpServer server;

  Future<PartnerReceiver> start(Vertx vertx) {
    return vertx.createHttpServer()
        .requestHandler(request -> request.body().onSuccess(body -> {
          received.add(new Received(MultiMap.caseInsensitiveMultiMap().addAll(request.headers()), body.toString()));
          Integer status = statuses.poll();
          if (status == null || status != NO_ANSWER) {
            request.response().setStatusCode(status == null ? 200 : status).end();
          }
        }))
        .listen(0, "127.0.0.1")
        .map(listening -> {
          server = listening;
          return this;
        });
  }

  String url() {
    return "http://127.0.0.1:" + server.actualPort() + "/hooks/chorus?source=test";
  }

  List<Received> all() {
    return new ArrayList<>(received);
  }

  private static byte[] hmac(String secret, String content) {
    try {
      byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(content.getBytes(StandardCharsets.UTF_8));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
