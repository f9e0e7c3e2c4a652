package io.chorus.web.webhooks.inbound;

import io.vertx.core.json.JsonObject;

/**
 * The platforms' inbound webhooks: the {@code webhooks.inbound} section of the configuration,
 * secrets already resolved. A platform whose secret is unset has no inbound webhook.
 *
 * @param maxBodyBytes largest webhook body accepted
 * @param toleranceSeconds how far a signed timestamp may be from now before the request is refused
 *     as a replay (TikTok signs one; the others are deduplicated by event id only)
 * @param metaVerifyToken the token Meta echoes when it verifies the URL
 * @param metaAppSecret the Meta app secret that signs Facebook and Instagram notifications
 * @param xConsumerSecret the X app's consumer secret, for CRC checks and signatures
 * @param linkedinClientSecret the LinkedIn app's client secret
 * @param tiktokClientSecret the TikTok app's client secret
 */
public record InboundWebhookOptions(
    int maxBodyBytes,
    long toleranceSeconds,
    String metaVerifyToken,
    String metaAppSecret,
    String xConsumerSecret,
    String linkedinClientSecret,
    String tiktokClientSecret) {

  public static final int DEFAULT_MAX_BODY_BYTES = 262_144;
  public static final long DEFAULT_TOLERANCE_SECONDS = 300;

  public static InboundWebhookOptions fromJson(JsonObject wholeConfig) {
    JsonObject inbound = section(section(wholeConfig, "webhooks"), "inbound");
    return new InboundWebhookOptions(
        inbound.getInteger("maxBodyBytes", DEFAULT_MAX_BODY_BYTES),
        inbound.getLong("toleranceSeconds", DEFAULT_TOLERANCE_SECONDS),
        section(inbound, "meta").getString("verifyToken"),
        section(inbound, "meta").getString("appSecret"),
        section(inbound, "x").getString("consumerSecret"),
        section(inbound, "linkedin").getString("clientSecret"),
        section(inbound, "tiktok").getString("clientSecret"));
  }

  private static JsonObject section(JsonObject parent, String key) {
    JsonObject child = parent.getJsonObject(key);
    return child == null ? new JsonObject() : child;
  }
}
