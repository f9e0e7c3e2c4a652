package io.chorus.platform.auth;

import io.chorus.contracts.Platform;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * The {@code account_tokens} rows: tokens sealed with the {@link TokenCipher} when there is one,
 * and the account's status, mirrored to {@code accounts.status} for the rest of Chorus to see.
 */
final class TokenStore {
  private static final String SELECT = """
      SELECT status, access_token, refresh_token, access_expires_at, seed_digest, version
      FROM account_tokens WHERE account_id = $1""";
  private static final String SEED = """
      INSERT INTO account_tokens (account_id, platform, status, access_token, refresh_token, access_expires_at, seed_digest)
      VALUES ($1, $2, 'ACTIVE', $3, $4, $5, $6)
      ON CONFLICT (account_id) DO UPDATE SET status = 'ACTIVE', status_detail = NULL,
        access_token = EXCLUDED.access_token, refresh_token = EXCLUDED.refresh_token,
        access_expires_at = EXCLUDED.access_expires_at, seed_digest = EXCLUDED.seed_digest,
        version = account_tokens.version + 1, updated_at = now()
      RETURNING version""";
  private static final String SAVE = """
      UPDATE account_tokens SET status = $2, status_detail = $3, access_token = $4, refresh_token = $5,
        access_expires_at = $6, version = $7, updated_at = now()
      WHERE account_id = $1""";
  /** A person's PAUSED and DELETED are not the tokens' business: they stay until a person changes them. */
  private static final String MIRROR_STATUS = """
      UPDATE accounts SET status = $2, updated_at = now()
      WHERE id = $1 AND status <> $2 AND status NOT IN ('PAUSED', 'DELETED')""";

  /** A row as read, tokens still sealed or absent. */
  record Stored(String status, String accessToken, String refreshToken, Instant accessExpiresAt, String seedDigest, long version) {}

  private final Pool pool;
  private final TokenCipher cipher;

  TokenStore(Pool pool, TokenCipher cipher) {
    this.pool = pool;
    this.cipher = cipher;
  }

  Future<Optional<Stored>> load(String accountId) {
    return pool.preparedQuery(SELECT).execute(Tuple.of(accountId)).map(rows -> {
      if (rows.size() == 0) {
        return Optional.empty();
      }
      Row row = rows.iterator().next();
      return Optional.of(new Stored(row.getString("status"),
          open(row.getBuffer("access_token") == null ? null : row.getBuffer("access_token").getBytes(), accountId),
          open(row.getBuffer("refresh_token") == null ? null : row.getBuffer("refresh_token").getBytes(), accountId),
          instant(row.getOffsetDateTime("access_expires_at")), row.getString("seed_digest"), row.getLong("version")));
    });
  }

  /** Writes the configured tokens as the account's current ones; the future holds the row's version. */
  Future<Long> seed(String accountId, Platform platform, Credentials seed, String seedDigest) {
    return pool.preparedQuery(SEED).execute(Tuple.of(accountId, platform.id(), seal(seed.accessToken(), accountId),
            seal(seed.refreshToken(), accountId), offset(seed.accessExpiresAt()), seedDigest))
        .map(rows -> rows.iterator().next().getLong("version"))
        .compose(version -> mirror(accountId, seed.status()).map(version));
  }

  Future<Void> save(String accountId, Credentials credentials, String detail) {
    return pool.withTransaction(connection -> connection.preparedQuery(SAVE)
            .execute(Tuple.tuple().addString(accountId).addString(credentials.status()).addString(detail)
                .addValue(seal(credentials.accessToken(), accountId))
                .addValue(seal(credentials.refreshToken(), accountId))
                .addValue(offset(credentials.accessExpiresAt())).addLong(credentials.version()))
            .compose(saved -> connection.preparedQuery(MIRROR_STATUS)
                .execute(Tuple.of(accountId, credentials.status()))))
        .mapEmpty();
  }

  boolean encrypted() {
    return cipher != null;
  }

  private Future<Void> mirror(String accountId, String status) {
    return pool.preparedQuery(MIRROR_STATUS).execute(Tuple.of(accountId, status)).mapEmpty();
  }

  private Buffer seal(String token, String accountId) {
    return cipher == null || token == null ? null : Buffer.buffer(cipher.encrypt(token, accountId));
  }

  private String open(byte[] sealed, String accountId) {
    return cipher == null || sealed == null ? null : cipher.decrypt(sealed, accountId);
  }

  private static OffsetDateTime offset(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }

  private static Instant instant(OffsetDateTime time) {
    return time == null ? null : time.toInstant();
  }
}
