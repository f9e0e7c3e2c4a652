package io.chorus.tenants.tokens;

import io.chorus.contracts.Addresses;
import io.chorus.contracts.ChorusError;
import io.chorus.contracts.ErrorCode;
import io.chorus.contracts.tenants.ApiToken;
import io.chorus.contracts.tenants.ApiTokenPage;
import io.chorus.contracts.tenants.TokenRequest;
import io.chorus.storage.Database;
import io.chorus.storage.DatabaseOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import io.vertx.core.buffer.Buffer;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The API tokens: issues them (the secret leaves only in that reply; only its SHA-256 is stored),
 * lists and revokes them, and tells the web verticle whom a presented token stands for, and whether
 * the token a dashboard session was opened with is still live. At start
 * it makes sure the configured bootstrap token ({@code auth.bootstrapToken}) is a live admin token.
 */
public final class ApiTokensVerticle extends VerticleBase {
  /** The row that holds the configured bootstrap token. */
  static final String BOOTSTRAP_ID = "bootstrap";

  private static final Logger LOG = LoggerFactory.getLogger(ApiTokensVerticle.class);
  private static final Set<String> ROLES = Set.of("admin", "editor", "reviewer", "viewer", "partner");
  private static final int MAX_NAME_LENGTH = 100;
  private static final int MIN_BOOTSTRAP_LENGTH = 16;
  private static final String FOREIGN_KEY_VIOLATION = "23503";

  private final TokenSecrets secrets = new TokenSecrets();
  private Pool pool;
  private MessageConsumer<TokenRequest> consumer;

  @Override
  public Future<?> start() {
    pool = Database.pool(vertx, DatabaseOptions.fromConfig(config()));
    JsonObject auth = config().getJsonObject("auth", new JsonObject());
    String bootstrap = auth.getString("bootstrapToken");
    if (bootstrap != null && bootstrap.length() < MIN_BOOTSTRAP_LENGTH) {
      // A short token is easy to guess; the admin it makes may do everything.
      return Future.failedFuture(new IllegalArgumentException("auth.bootstrapToken must be at least "
          + MIN_BOOTSTRAP_LENGTH + " characters, e.g. the output of `openssl rand -hex 32`"));
    }
    Future<?> ready = bootstrap == null
        ? warnWithoutAdmin()
        : pool.preparedQuery(TokenSql.UPSERT_BOOTSTRAP)
            .execute(Tuple.of(BOOTSTRAP_ID, Buffer.buffer(TokenSecrets.digest(bootstrap))));
    return ready.compose(done -> {
      consumer = vertx.eventBus().consumer(Addresses.TENANTS_TOKENS, this::handle);
      return consumer.completion();
    });
  }

  @Override
  public Future<?> stop() {
    Future<Void> unregistered = consumer == null ? Future.succeededFuture() : consumer.unregister();
    return unregistered.transform(done -> pool.close());
  }

  private Future<?> warnWithoutAdmin() {
    return pool.query(TokenSql.LIVE_ADMINS).execute().onSuccess(rows -> {
      if (rows.iterator().next().getLong(0) == 0) {
        LOG.warn("No live admin API token exists and auth.bootstrapToken is unset: set CHORUS_BOOTSTRAP_TOKEN "
            + "to create the first one");
      }
    });
  }

  private void handle(Message<TokenRequest> message) {
    TokenRequest request = message.body();
    Future<?> answer = switch (request.action()) {
      case ISSUE -> issue(request);
      case LIST -> pool.preparedQuery(TokenSql.LIST).execute(Tuple.of(request.brandId()))
          .map(rows -> {
            List<ApiToken> tokens = new ArrayList<>();
            rows.forEach(row -> tokens.add(token(row, null)));
            return new ApiTokenPage(tokens);
          });
      case REVOKE -> pool.preparedQuery(TokenSql.REVOKE)
          .execute(Tuple.of(request.tokenId(), request.brandId(), request.actor()))
          .compose(rows -> rows.size() == 0
              ? failed(ErrorCode.NOT_FOUND, "no token " + request.tokenId())
              : Future.succeededFuture(token(rows.iterator().next(), null)));
      case AUTHENTICATE -> authenticate(request.secret());
      case CHECK -> pool.preparedQuery(TokenSql.CHECK).execute(Tuple.of(request.tokenId()))
          .compose(rows -> rows.size() == 0
              ? failed(ErrorCode.NOT_FOUND, "token " + request.tokenId() + " is not live")
              : Future.succeededFuture(token(rows.iterator().next(), null)));
    };
    answer.onSuccess(message::reply).onFailure(failure -> ChorusError.from(failure).failReply(message));
  }

  private Future<ApiToken> issue(TokenRequest request) {
    String name = request.name() == null ? "" : request.name().trim();
    if (name.isEmpty() || name.length() > MAX_NAME_LENGTH) {
      return failed(ErrorCode.INVALID_REQUEST, "name: give the token a name of 1 to " + MAX_NAME_LENGTH
          + " characters");
    }
    if (request.role() == null || !ROLES.contains(request.role())) {
      return failed(ErrorCode.INVALID_REQUEST, "role: must be one of admin, editor, reviewer, viewer, partner");
    }
    String secret = secrets.newSecret();
    return pool.preparedQuery(TokenSql.ISSUE)
        .execute(Tuple.of(secrets.newId(), name, request.role(), request.brandId(),
            Buffer.buffer(TokenSecrets.digest(secret)), request.actor()))
        .recover(failure -> failure instanceof PgException pg && FOREIGN_KEY_VIOLATION.equals(pg.getSqlState())
            ? failed(ErrorCode.INVALID_REQUEST, "brandId: there is no brand '" + request.brandId() + "'")
            : Future.failedFuture(failure))
        .map(rows -> token(rows.iterator().next(), secret));
  }

  private Future<ApiToken> authenticate(String secret) {
    if (secret == null || secret.isEmpty()) {
      return failed(ErrorCode.NOT_FOUND, "no token presented");
    }
    return pool.preparedQuery(TokenSql.AUTHENTICATE).execute(Tuple.of(Buffer.buffer(TokenSecrets.digest(secret))))
        .compose(rows -> {
          if (rows.size() == 0) {
            return failed(ErrorCode.NOT_FOUND, "not a live token");
          }
          ApiToken token = token(rows.iterator().next(), null);
          // Recording use must not slow or fail the request it authenticates.
          pool.preparedQuery(TokenSql.TOUCH).execute(Tuple.of(token.id()))
              .onFailure(failure -> LOG.debug("Could not record the use of token {}", token.id(), failure));
          return Future.succeededFuture(token);
        });
  }

  private static ApiToken token(Row row, String secret) {
    return new ApiToken(row.getString("id"), row.getString("name"), row.getString("role"), row.getString("brand_id"),
        secret, row.getString("created_by"), instant(row.getOffsetDateTime("created_at")),
        instant(row.getOffsetDateTime("last_used_at")), instant(row.getOffsetDateTime("revoked_at")));
  }

  private static Instant instant(OffsetDateTime time) {
    return time == null ? null : time.toInstant();
  }

  private static <T> Future<T> failed(ErrorCode code, String message) {
    return Future.failedFuture(ChorusError.of(code, message).exception());
  }
}
