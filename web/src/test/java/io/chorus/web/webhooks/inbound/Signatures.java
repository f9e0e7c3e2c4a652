package io.chorus.web.webhooks.inbound;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The platforms' signatures, computed here independently of the code under test. */
final class Signatures {
  private Signatures() {}

  static byte[] hmac(String key, String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static String meta(String appSecret, String body) {
    return "sha256=" + HexFormat.of().formatHex(hmac(appSecret, body));
  }

  static String x(String consumerSecret, String data) {
    return "sha256=" + Base64.getEncoder().encodeToString(hmac(consumerSecret, data));
  }

  static String linkedin(String clientSecret, String body) {
    return HexFormat.of().formatHex(hmac(clientSecret, "hmacsha256=" + body));
  }

  static String tiktok(String clientSecret, long timestamp, String body) {
    return "t=" + timestamp + ",s=" + HexFormat.of().formatHex(hmac(clientSecret, timestamp + "." + body));
  }
}
