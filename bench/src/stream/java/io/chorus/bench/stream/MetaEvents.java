package io.chorus.bench.stream;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Facebook Page notifications as Meta sends them to {@code /webhooks/meta}: one new comment each,
 * about 1 KiB of JSON, signed with {@code X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the body
 * under the app secret>}. Chorus derives an event's id from its comment id and stores an id once, so
 * each notification carries a comment id of its own: none is taken for a replay.
 */
final class MetaEvents {
  /** What Meta answers an acknowledged notification with: one event, newly stored. */
  static final String STORED_ONE = new JsonObject().put("stored", 1).put("duplicates", 0).encode();
  private static final String MARK = "COMMENT_SEQUENCE";
  private static final int TARGET_BYTES = 1_024;

  private final String appSecret;
  private final byte[] head;
  private final byte[] tail;
  private final AtomicLong sequence = new AtomicLong(10_000_000);
  private final ThreadLocal<Mac> macs;

  /** A signed notification: its body and its {@code X-Hub-Signature-256} header. */
  record Signed(Buffer body, String signature) {}

  MetaEvents(String appSecret) {
    this.appSecret = appSecret;
    this.macs = ThreadLocal.withInitial(this::mac);
    // Pad the comment's text so that a body with an 8-digit sequence number in its comment id is 1 KiB.
    int unpadded = template("").getBytes(StandardCharsets.UTF_8).length - MARK.length() + 8;
    String[] parts = template("x".repeat(Math.max(0, TARGET_BYTES - unpadded))).split(MARK, -1);
    this.head = parts[0].getBytes(StandardCharsets.UTF_8);
    this.tail = parts[1].getBytes(StandardCharsets.UTF_8);
  }

  /** The next notification, signed: each call gives a new comment id. Safe from any thread. */
  Signed next() {
    byte[] digits = Long.toString(sequence.getAndIncrement()).getBytes(StandardCharsets.US_ASCII);
    byte[] body = new byte[head.length + digits.length + tail.length];
    System.arraycopy(head, 0, body, 0, head.length);
    System.arraycopy(digits, 0, body, head.length, digits.length);
    System.arraycopy(tail, 0, body, head.length + digits.length, tail.length);
    return new Signed(Buffer.buffer(body), "sha256=" + HexFormat.of().formatHex(macs.get().doFinal(body)));
  }

  int bodyBytes() {
    return next().body().length();
  }

  /** Microseconds one HMAC-SHA256 of a body takes on this machine, after a warm-up: the check the server makes. */
  double hmacMicros() {
    byte[] body = next().body().getBytes();
    Mac mac = macs.get();
    for (int i = 0; i < 50_000; i++) {
      mac.doFinal(body);
    }
    int rounds = 100_000;
    long start = System.nanoTime();
    for (int i = 0; i < rounds; i++) {
      mac.doFinal(body);
    }
    return (System.nanoTime() - start) / 1_000.0 / rounds;
  }

  private static String template(String padding) {
    return new JsonObject()
        .put("object", "page")
        .put("entry", new JsonArray().add(new JsonObject()
            .put("id", "1029384756").put("time", 1764670000)
            .put("changes", new JsonArray().add(new JsonObject()
                .put("field", "feed")
                .put("value", new JsonObject()
                    .put("item", "comment").put("verb", "add")
                    .put("comment_id", "1029384756_111_" + MARK).put("post_id", "1029384756_111")
                    .put("parent_id", "1029384756_111")
                    .put("from", new JsonObject().put("id", "55501").put("name", "Ana Lima"))
                    .put("message", "Is the Ethiopia roast back? We loved it last winter. " + padding)
                    .put("created_time", 1764670000))))))
        .encode();
  }

  private Mac mac() {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every Java runtime has HmacSHA256", e);
    }
  }
}
