package io.chorus.tenants.tokens;

/** The statements of the API token service; every change also appends to the audit log. */
final class TokenSql {
  private static final String COLUMNS =
      "id, name, role, brand_id, created_by, created_at, last_used_at, revoked_at";

  static final String ISSUE = """
      WITH issued AS (
        INSERT INTO api_tokens (id, name, role, brand_id, token_hash, created_by)
        VALUES ($1, $2, $3, $4, $5, $6)
        RETURNING %s
      ), audited AS (
        INSERT INTO audit_log (brand_id, actor, action, subject, detail)
        SELECT brand_id, created_by, 'token.issued', 'token:' || id, jsonb_build_object('name', name, 'role', role)
        FROM issued
      )
      SELECT * FROM issued
      """.formatted(COLUMNS);

  /** The configured bootstrap token: created on first start, its hash replaced when the configuration changes it. */
  static final String UPSERT_BOOTSTRAP = """
      INSERT INTO api_tokens (id, name, role, brand_id, token_hash, created_by)
      VALUES ($1, 'bootstrap (auth.bootstrapToken)', 'admin', NULL, $2, 'configuration')
      ON CONFLICT (id) DO UPDATE SET token_hash = EXCLUDED.token_hash
      """;

  static final String LIVE_ADMINS = "SELECT count(*) FROM api_tokens WHERE role = 'admin' AND revoked_at IS NULL";

  static final String AUTHENTICATE = "SELECT " + COLUMNS
      + " FROM api_tokens WHERE token_hash = $1 AND revoked_at IS NULL";

  static final String CHECK = "SELECT " + COLUMNS + " FROM api_tokens WHERE id = $1 AND revoked_at IS NULL";

  /** Marks a token used, at most once a minute, so authenticating stays a read on most requests. */
  static final String TOUCH = """
      UPDATE api_tokens SET last_used_at = now()
      WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')
      """;

  static final String LIST = "SELECT " + COLUMNS
      + " FROM api_tokens WHERE ($1::text IS NULL OR brand_id = $1) ORDER BY created_at DESC, id";

  /** Revoking twice is harmless: the first revocation's time stays. */
  static final String REVOKE = """
      WITH revoked AS (
        UPDATE api_tokens SET revoked_at = COALESCE(revoked_at, now())
        WHERE id = $1 AND ($2::text IS NULL OR brand_id = $2)
        RETURNING %s
      ), audited AS (
        INSERT INTO audit_log (brand_id, actor, action, subject)
        SELECT brand_id, $3, 'token.revoked', 'token:' || id FROM revoked
      )
      SELECT * FROM revoked
      """.formatted(COLUMNS);

  private TokenSql() {}
}
