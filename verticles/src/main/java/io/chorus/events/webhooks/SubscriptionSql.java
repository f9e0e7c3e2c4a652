package io.chorus.events.webhooks;

/** The SQL of webhook subscriptions and their deliveries, as partners manage them. */
final class SubscriptionSql {
  static final String COLUMNS = """
      id, brand_id, url, event_types, description, status, disabled_reason, secret,
      CASE WHEN previous_secret_expires_at > now() THEN previous_secret_expires_at END AS previous_secret_expires_at,
      created_at, updated_at
      """;

  /** $1 brand, $2 url, $3 event types, $4 description, $5 secret, $6 actor. */
  static final String CREATE = """
      WITH created AS (
        INSERT INTO webhook_subscriptions (brand_id, url, event_types, description, secret)
        VALUES ($1, $2, $3, $4, $5)
        RETURNING *
      ), audited AS (
        INSERT INTO audit_log (brand_id, actor, action, subject, detail)
        SELECT brand_id, $6, 'webhook.create', id::text,
               jsonb_build_object('url', url, 'eventTypes', event_types) FROM created
      )
      SELECT\s""" + COLUMNS + " FROM created";

  /** $1 brand or null for all. */
  static final String LIST = "SELECT " + COLUMNS + """
      FROM webhook_subscriptions WHERE ($1::text IS NULL OR brand_id = $1) ORDER BY created_at, id
      """;

  /** $1 id, $2 brand or null. */
  static final String GET = "SELECT " + COLUMNS + """
      FROM webhook_subscriptions WHERE id = $1 AND ($2::text IS NULL OR brand_id = $2)
      """;

  /** $1 id, $2 brand or null, $3 actor. */
  static final String DELETE = """
      WITH deleted AS (
        DELETE FROM webhook_subscriptions WHERE id = $1 AND ($2::text IS NULL OR brand_id = $2) RETURNING *
      ), audited AS (
        INSERT INTO audit_log (brand_id, actor, action, subject, detail)
        SELECT brand_id, $3, 'webhook.delete', id::text, jsonb_build_object('url', url) FROM deleted
      )
      SELECT\s""" + COLUMNS + " FROM deleted";

  /** $1 id, $2 brand or null, $3 new secret, $4 overlap seconds, $5 actor. */
  static final String ROTATE = """
      WITH rotated AS (
        UPDATE webhook_subscriptions SET
          previous_secret = secret,
          previous_secret_expires_at = now() + make_interval(secs => $4),
          secret = $3,
          updated_at = now()
        WHERE id = $1 AND ($2::text IS NULL OR brand_id = $2)
        RETURNING *
      ), audited AS (
        INSERT INTO audit_log (brand_id, actor, action, subject, detail)
        SELECT brand_id, $5, 'webhook.rotate_secret', id::text,
               jsonb_build_object('previousSecretExpiresAt', previous_secret_expires_at) FROM rotated
      )
      SELECT\s""" + COLUMNS + " FROM rotated";

  static final String DELIVERY_COLUMNS = """
      d.id, d.subscription_id, d.event_id, d.event_type, d.status, d.attempts, d.next_attempt_at,
      d.last_attempt_at, d.last_status, d.last_error, d.delivered_at, d.created_at
      """;

  /** $1 subscription, $2 status or null, $3 limit. */
  static final String DELIVERIES = "SELECT " + DELIVERY_COLUMNS + """
      FROM webhook_deliveries d
      WHERE d.subscription_id = $1 AND ($2::text IS NULL OR d.status = $2)
      ORDER BY d.created_at DESC, d.id
      LIMIT $3
      """;

  /** $1 delivery, $2 subscription, $3 actor: due now, with a fresh retry schedule. */
  static final String REPLAY = """
      WITH replayed AS (
        UPDATE webhook_deliveries d SET status = 'PENDING', attempts = 0, next_attempt_at = now(), last_error = NULL
        WHERE d.id = $1 AND d.subscription_id = $2
        RETURNING d.*
      ), audited AS (
        INSERT INTO audit_log (brand_id, actor, action, subject, detail)
        SELECT brand_id, $3, 'webhook.replay', id::text, jsonb_build_object('eventId', event_id) FROM replayed
      )
      SELECT\s""" + DELIVERY_COLUMNS.replace("d.", "") + " FROM replayed";

  private SubscriptionSql() {}
}
