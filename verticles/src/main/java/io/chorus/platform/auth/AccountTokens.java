package io.chorus.platform.auth;

import io.chorus.contracts.Platform;
import io.chorus.contracts.tenants.AccountCredentials;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.ZoneOffset;

/**
 * Stores the tokens a person gives for an account through the API in {@code account_tokens}, sealed
 * exactly as the agents' token store seals and opens them (AES-256-GCM with
 * {@code tokens.encryptionKey}, the account id as associated data), so the account's platform agent
 * publishes with them and renews them like any other. Without a key nothing can be stored: tokens
 * are never written in the clear.
 */
public final class AccountTokens {
  /** Marks rows whose tokens came from the API rather than from the configuration. */
  static final String API_SEED = "api";

  private static final String STORE = """
      INSERT INTO account_tokens (account_id, platform, status, access_token, refresh_token, access_expires_at, seed_digest)
      VALUES ($1, $2, 'ACTIVE', $3, $4, $5, $6)
      ON CONFLICT (account_id) DO UPDATE SET platform = EXCLUDED.platform, status = 'ACTIVE', status_detail = NULL,
        access_token = EXCLUDED.access_token, refresh_token = EXCLUDED.refresh_token,
        access_expires_at = EXCLUDED.access_expires_at, seed_digest = EXCLUDED.seed_digest,
        version = account_tokens.version + 1, updated_at = now()""";
  /** New tokens end a wait for authorization, as the agents' reauthorization does. */
  private static final String REACTIVATE = """
      UPDATE accounts SET status = 'ACTIVE', updated_at = now() WHERE id = $1 AND status = 'NEEDS_REAUTHORIZATION'""";
  private static final String ERASE = "DELETE FROM account_tokens WHERE account_id = $1";

  private final TokenCipher cipher;

  private AccountTokens(TokenCipher cipher) {
    this.cipher = cipher;
  }

  /** Tokens sealed with the configuration's {@code tokens.encryptionKey}, if it has one. */
  public static AccountTokens fromConfig(JsonObject config) {
    String key = TokenSettings.fromConfig(config).encryptionKey();
    return new AccountTokens(key == null ? null : TokenCipher.fromBase64(key));
  }

  /** Whether tokens can be stored: only with an encryption key. */
  public boolean canStore() {
    return cipher != null;
  }

  /** Replaces the account's tokens, within the caller's transaction; the account is ACTIVE again if it waited. */
  public Future<Void> store(SqlConnection connection, String accountId, Platform platform, AccountCredentials tokens) {
    if (cipher == null) {
      throw new IllegalStateException("no tokens.encryptionKey: tokens are never stored in the clear");
    }
    Tuple row = Tuple.tuple().addString(accountId).addString(platform.id())
        .addValue(seal(tokens.accessToken(), accountId)).addValue(seal(tokens.refreshToken(), accountId))
        .addOffsetDateTime(tokens.expiresAt() == null ? null : tokens.expiresAt().atOffset(ZoneOffset.UTC))
        .addString(API_SEED);
    return connection.preparedQuery(STORE).execute(row)
        .compose(stored -> connection.preparedQuery(REACTIVATE).execute(Tuple.of(accountId)))
        .mapEmpty();
  }

  /** Forgets the account's tokens, within the caller's transaction. */
  public Future<Void> erase(SqlConnection connection, String accountId) {
    return connection.preparedQuery(ERASE).execute(Tuple.of(accountId)).mapEmpty();
  }

  private Buffer seal(String token, String accountId) {
    return token == null ? null : Buffer.buffer(cipher.encrypt(token, accountId));
  }
}
