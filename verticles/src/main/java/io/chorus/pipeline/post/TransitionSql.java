package io.chorus.pipeline.post;

/**
 * The SQL of post state changes. Each statement moves a whole batch in one round trip and, in the
 * same statement (so the same transaction), appends every move to {@code post_events} and to the
 * {@code outbox}. Every statement ends with a CTE named {@code moved} returning
 * (id, brand_id, platform, from_state, to_state, detail, updated_at), which {@link #RECORD_MOVED}
 * turns into history and outbox rows.
 */
public final class TransitionSql {

  /** Appends history and outbox rows for the CTE {@code moved}, then returns its rows. */
  public static final String RECORD_MOVED = """
      , events AS (
        INSERT INTO post_events (post_id, brand_id, from_state, to_state, detail, at)
        SELECT id, brand_id, from_state, to_state, detail, updated_at FROM moved
      ), outboxed AS (
        INSERT INTO outbox (brand_id, type, subject, payload)
        SELECT brand_id, 'post.state_changed', id::text,
               jsonb_build_object('postId', id, 'platform', platform, 'from', from_state,
                                  'to', to_state, 'at', updated_at, 'detail', detail)
        FROM moved
      )
      """;

  /**
   * Moves listed posts, each only if it is still in its expected state, and writes an audit row
   * for each move a person asked for.
   */
  static final String MOVE = """
      WITH input AS (
        SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[],
                             $7::text[], $8::text[], $9::text[], $10::boolean[], $11::text[], $12::text[])
          AS i(id, from_state, to_state, text, provider, external_id, scheduled_at, detail, attempts,
               exhausted, actor, action)
      ), moved AS (
        UPDATE posts p SET
          state = i.to_state,
          text = COALESCE(i.text, p.text),
          provider = COALESCE(i.provider, p.provider),
          external_id = COALESCE(i.external_id, p.external_id),
          scheduled_at = COALESCE(i.scheduled_at::timestamptz, p.scheduled_at),
          last_error = CASE WHEN i.to_state IN ('FAILED', 'REJECTED', 'SCHEDULED', 'UNKNOWN') THEN i.detail
                            WHEN i.to_state = 'PUBLISHED' THEN NULL ELSE p.last_error END,
          failure_kind = CASE WHEN i.to_state <> 'FAILED' THEN NULL
                              WHEN i.exhausted THEN 'EXHAUSTED' ELSE 'PERMANENT' END,
          published_at = CASE WHEN i.to_state = 'PUBLISHED' THEN now() ELSE p.published_at END,
          attempts = CASE i.attempts WHEN 'RESET' THEN 0 WHEN 'REFUND' THEN p.attempts - 1 ELSE p.attempts END,
          lease_owner = NULL,
          lease_expires_at = NULL,
          updated_at = now()
        FROM input i
        WHERE p.id = i.id::uuid AND p.state = i.from_state
        RETURNING p.id, p.brand_id, p.platform, i.from_state, i.to_state, i.detail, p.updated_at,
                  i.actor, i.action, p.scheduled_at
      ), audited AS (
        INSERT INTO audit_log (brand_id, actor, action, subject, detail, at)
        SELECT brand_id, actor, action, id::text,
               jsonb_build_object('from', from_state, 'to', to_state, 'detail', detail,
                                  'scheduledAt', scheduled_at),
               updated_at
        FROM moved WHERE actor IS NOT NULL
      ), published_variants AS (
        -- The variant a post went out with is marked, for reports to compare angles by results.
        UPDATE post_variants v SET published_at = m.updated_at
        FROM moved m
        WHERE m.to_state = 'PUBLISHED' AND v.post_id = m.id AND v.chosen
      )
      """ + RECORD_MOVED + "SELECT * FROM moved";

  /**
   * Claims due scheduled posts for publishing with a lease, skipping rows other workers hold.
   * $1 batch size, $2 lease owner, $3 lease seconds.
   */
  static final String CLAIM_DUE = """
      WITH due AS (
        SELECT id FROM posts
        WHERE state = 'SCHEDULED' AND scheduled_at <= now()
        ORDER BY scheduled_at
        LIMIT $1
        FOR UPDATE SKIP LOCKED
      ), moved AS (
        UPDATE posts p SET
          state = 'PUBLISHING',
          lease_owner = $2,
          lease_expires_at = now() + make_interval(secs => $3),
          attempts = p.attempts + 1,
          updated_at = now()
        FROM due
        WHERE p.id = due.id
        RETURNING p.id, p.brand_id, p.platform, 'SCHEDULED'::text AS from_state,
                  'PUBLISHING'::text AS to_state, NULL::text AS detail, p.updated_at,
                  p.account_id, p.campaign_id, p.text, p.attempts, p.scheduled_at, p.media_ids, p.post_type,
                  p.in_reply_to_external_id, p.media_url
      )
      """ + RECORD_MOVED + """
      SELECT m.*, CASE WHEN m.media_url IS NULL THEN c.spec -> 'media' ELSE jsonb_build_array(m.media_url) END AS media
      FROM moved m LEFT JOIN campaigns c ON c.id = m.campaign_id
      """;

  /** Marks posts whose publishing lease ran out as UNKNOWN: they may or may not be on the platform. */
  static final String EXPIRE_LEASES = """
      WITH expired AS (
        SELECT id FROM posts
        WHERE state = 'PUBLISHING' AND lease_expires_at < now()
        LIMIT $1
        FOR UPDATE SKIP LOCKED
      ), moved AS (
        UPDATE posts p SET
          state = 'UNKNOWN',
          last_error = 'publishing lease of ' || p.lease_owner || ' expired',
          lease_owner = NULL,
          lease_expires_at = NULL,
          updated_at = now()
        FROM expired
        WHERE p.id = expired.id
        RETURNING p.id, p.brand_id, p.platform, 'PUBLISHING'::text AS from_state,
                  'UNKNOWN'::text AS to_state, p.last_error AS detail, p.updated_at
      )
      """ + RECORD_MOVED + "SELECT * FROM moved";

  private TransitionSql() {}
}
