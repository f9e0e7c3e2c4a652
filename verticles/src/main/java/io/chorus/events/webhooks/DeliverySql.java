package io.chorus.events.webhooks;

/** The SQL of outbound webhook delivery: fanning the outbox out, claiming due deliveries, settling them. */
final class DeliverySql {

  /**
   * Takes a batch of outbox rows not yet fanned out ($1 rows), marks them, and creates one delivery
   * per event and matching active subscription. A post state change also counts as
   * {@code post.published} or {@code post.failed} when it reached that state; those derived events
   * get ids of their own, stable across runs. Answers how many outbox rows were taken.
   */
  static final String FAN_OUT = """
      WITH batch AS (
        SELECT id, event_id, brand_id, type, payload, created_at FROM outbox
        WHERE webhooks_fanned_out_at IS NULL
        ORDER BY id
        LIMIT $1
        FOR UPDATE SKIP LOCKED
      ), marked AS (
        UPDATE outbox o SET webhooks_fanned_out_at = now() FROM batch b WHERE o.id = b.id
      ), events AS (
        SELECT b.event_id, b.brand_id, b.type AS event_type, b.payload, b.created_at FROM batch b
        UNION ALL
        SELECT md5(b.event_id::text || ':' || derived.type)::uuid, b.brand_id, derived.type, b.payload, b.created_at
        FROM batch b
        CROSS JOIN LATERAL (SELECT CASE b.payload ->> 'to' WHEN 'PUBLISHED' THEN 'post.published'
                                                          WHEN 'FAILED' THEN 'post.failed' END AS type) derived
        WHERE b.type = 'post.state_changed' AND derived.type IS NOT NULL
      ), fanned AS (
        INSERT INTO webhook_deliveries (subscription_id, brand_id, event_id, event_type, body)
        SELECT s.id, e.brand_id, e.event_id, e.event_type,
               jsonb_build_object('type', e.event_type, 'timestamp', e.created_at,
                                  'data', e.payload || jsonb_build_object('brandId', e.brand_id))::text
        FROM events e
        JOIN webhook_subscriptions s
          ON s.brand_id = e.brand_id AND s.status = 'ACTIVE' AND e.event_type = ANY (s.event_types)
        ON CONFLICT (subscription_id, event_id) DO NOTHING
      )
      SELECT count(*) AS taken FROM batch
      """;

  /** Claims due deliveries of active subscriptions: $1 how many, $2 lease seconds. */
  static final String CLAIM = """
      WITH due AS (
        SELECT d.id FROM webhook_deliveries d
        JOIN webhook_subscriptions s ON s.id = d.subscription_id
        WHERE d.status = 'PENDING' AND d.next_attempt_at <= now() AND s.status = 'ACTIVE'
        ORDER BY d.next_attempt_at
        LIMIT $1
        FOR UPDATE OF d SKIP LOCKED
      ), claimed AS (
        UPDATE webhook_deliveries d SET
          attempts = d.attempts + 1,
          last_attempt_at = now(),
          next_attempt_at = now() + make_interval(secs => $2)
        FROM due WHERE d.id = due.id
        RETURNING d.id, d.subscription_id, d.event_id, d.body, d.attempts
      )
      SELECT c.*, s.url, s.secret,
             CASE WHEN s.previous_secret_expires_at > now() THEN s.previous_secret END AS previous_secret
      FROM claimed c JOIN webhook_subscriptions s ON s.id = c.subscription_id
      """;

  /** $1 delivery, $2 HTTP status. */
  static final String SUCCEEDED = """
      UPDATE webhook_deliveries SET status = 'SUCCEEDED', delivered_at = now(), last_status = $2, last_error = NULL
      WHERE id = $1 AND status = 'PENDING'
      """;

  /** $1 delivery, $2 seconds until the next attempt, $3 HTTP status or null, $4 what went wrong. */
  static final String RETRY = """
      UPDATE webhook_deliveries SET next_attempt_at = now() + make_interval(secs => $2), last_status = $3,
                                    last_error = $4
      WHERE id = $1 AND status = 'PENDING'
      """;

  /** $1 delivery, $2 HTTP status or null, $3 what went wrong. */
  static final String DEAD = """
      UPDATE webhook_deliveries SET status = 'DEAD', last_status = $2, last_error = $3
      WHERE id = $1 AND status = 'PENDING'
      """;

  /** $1 delivery, $2 why: the target answered 410 Gone, so its subscription is disabled. */
  static final String GONE = """
      WITH dead AS (
        UPDATE webhook_deliveries SET status = 'DEAD', last_status = 410, last_error = $2
        WHERE id = $1 RETURNING subscription_id
      )
      UPDATE webhook_subscriptions SET status = 'DISABLED', disabled_reason = $2, updated_at = now()
      WHERE id IN (SELECT subscription_id FROM dead)
      """;

  private DeliverySql() {}
}
