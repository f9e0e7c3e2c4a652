package io.chorus.tenants.catalog;

import static io.chorus.tenants.catalog.CatalogRows.blank;
import static io.chorus.tenants.catalog.CatalogRows.instant;
import static io.chorus.tenants.catalog.CatalogRows.invalid;

import io.chorus.contracts.ErrorCode;
import io.chorus.contracts.Platform;
import io.chorus.contracts.PostState;
import io.chorus.contracts.tenants.Account;
import io.chorus.contracts.tenants.AccountCredentials;
import io.chorus.contracts.tenants.AccountPage;
import io.chorus.contracts.tenants.AccountRequest;
import io.chorus.contracts.tenants.CatalogRules;
import io.chorus.platform.auth.AccountTokens;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A brand's accounts: listed, read, created through the API and, when the API created them,
 * changed and deleted. Credentials go to {@code account_tokens}, sealed as the platform agents read
 * them, and never come back out: an account only says whether it has some. A deleted account
 * stays as a tombstone (status DELETED, no tokens), so the posts and metrics that name it keep
 * their meaning; it is never listed again and its id is not reused.
 */
final class AccountStore {
  /** Posts in these states are done with their account. */
  private static final String[] FINAL_STATES = Arrays.stream(PostState.values())
      .filter(PostState::isFinal).map(PostState::name).toArray(String[]::new);

  private static final String SELECT = """
      SELECT a.id, a.brand_id, a.platform, a.handle, a.external_id, a.status, a.managed_by, a.created_at, a.updated_at,
             (a.managed_by = 'config' OR t.access_token IS NOT NULL) AS has_credentials
      FROM accounts a LEFT JOIN account_tokens t ON t.account_id = a.id
      WHERE a.brand_id = $1 AND a.status <> 'DELETED'
      """;
  private static final String LIST = SELECT + " ORDER BY a.id";
  private static final String GET = SELECT + " AND a.id = $2";
  private static final String BRAND = "SELECT 1 FROM brands WHERE id = $1 FOR SHARE";
  private static final String CREATE = """
      INSERT INTO accounts (id, brand_id, platform, handle, external_id, managed_by)
      VALUES ($1, $2, $3, $4, $5, 'api')
      ON CONFLICT (id) DO NOTHING
      RETURNING id""";
  private static final String LOCK = """
      SELECT platform, managed_by FROM accounts WHERE brand_id = $1 AND id = $2 AND status <> 'DELETED' FOR UPDATE""";
  /** Back to ACTIVE means back to what its tokens allow: NEEDS_REAUTHORIZATION stays until new ones come. */
  private static final String UPDATE = """
      UPDATE accounts a SET handle = COALESCE($3, a.handle), external_id = COALESCE($4, a.external_id),
        status = CASE WHEN $5::text IS NULL THEN a.status
                      WHEN $5 = 'PAUSED' THEN 'PAUSED'
                      ELSE COALESCE((SELECT t.status FROM account_tokens t WHERE t.account_id = a.id), 'ACTIVE') END,
        updated_at = now()
      WHERE a.brand_id = $1 AND a.id = $2""";
  private static final String BUSY = """
      SELECT count(*) AS busy FROM posts WHERE account_id = $1 AND NOT (state = ANY($2::text[]))""";
  private static final String TOMBSTONE = "UPDATE accounts SET status = 'DELETED', updated_at = now() WHERE id = $1";

  private final Pool pool;
  private final AccountTokens tokens;

  AccountStore(Pool pool, AccountTokens tokens) {
    this.pool = pool;
    this.tokens = tokens;
  }

  Future<?> handle(AccountRequest request) {
    return switch (request.action()) {
      case LIST -> pool.preparedQuery(LIST).execute(Tuple.of(request.brandId())).map(rows -> {
        List<Account> items = new ArrayList<>(rows.size());
        rows.forEach(row -> items.add(account(row)));
        return new AccountPage(items);
      });
      case GET -> pool.withConnection(connection -> read(connection, request));
      case CREATE -> create(request);
      case UPDATE -> update(request);
      case DELETE -> delete(request);
    };
  }

  private Future<Account> create(AccountRequest request) {
    String problem = CatalogRules.idProblem(request.accountId()) != null
        ? "id: " + CatalogRules.idProblem(request.accountId())
        : request.platform() == null ? "platform: is required"
        : blank(request.handle()) ? "handle: is required"
        : blank(request.externalId()) ? "externalId: is required"
        : credentialsProblem(request.credentials());
    if (problem != null) {
      return invalid(problem);
    }
    Tuple row = Tuple.of(request.accountId(), request.brandId(), request.platform().id(), request.handle().strip(),
        request.externalId().strip());
    return pool.withTransaction(connection -> connection.preparedQuery(BRAND).execute(Tuple.of(request.brandId()))
        .compose(brand -> brand.size() == 0
            ? CatalogRows.<Void>notFound("brand '" + request.brandId() + "'")
            : connection.preparedQuery(CREATE).execute(row).compose(created -> created.size() == 0
                ? CatalogRows.<Void>failure(ErrorCode.CONFLICT, "an account '" + request.accountId()
                    + "' exists already (ids of deleted accounts are not used again)")
                : Future.succeededFuture()))
        // A token row left under this id by an account that no longer exists is not this account's.
        .compose(created -> request.credentials() == null
            ? tokens.erase(connection, request.accountId())
            : tokens.store(connection, request.accountId(), request.platform(), request.credentials()))
        .compose(stored -> CatalogRows.audit(connection, request.brandId(), request.actor(), "account.create",
            request.accountId(), new JsonObject().put("platform", request.platform().id()).put("handle", request.handle())
                .put("credentials", request.credentials() != null)))
        .compose(audited -> read(connection, request)));
  }

  private Future<Account> update(AccountRequest request) {
    String problem = request.handle() != null && request.handle().isBlank() ? "handle: must not be blank"
        : request.externalId() != null && request.externalId().isBlank() ? "externalId: must not be blank"
        : request.status() != null && CatalogRules.statusProblem(request.status()) != null
            ? "status: " + CatalogRules.statusProblem(request.status())
        : request.credentials() == null ? null : credentialsProblem(request.credentials());
    if (problem != null) {
      return invalid(problem);
    }
    Tuple changes = Tuple.of(request.brandId(), request.accountId(), strip(request.handle()),
        strip(request.externalId()), request.status());
    return pool.withTransaction(connection -> lockApiAccount(connection, request)
        .compose(platform -> request.credentials() == null
            ? Future.<Void>succeededFuture()
            : tokens.store(connection, request.accountId(), platform, request.credentials()))
        .compose(stored -> connection.preparedQuery(UPDATE).execute(changes))
        .compose(updated -> CatalogRows.audit(connection, request.brandId(), request.actor(), "account.update",
            request.accountId(), changed(request)))
        .compose(audited -> read(connection, request)));
  }

  private Future<Account> delete(AccountRequest request) {
    return pool.withTransaction(connection -> lockApiAccount(connection, request)
        .compose(platform -> connection.preparedQuery(BUSY)
            .execute(Tuple.tuple().addString(request.accountId()).addArrayOfString(FINAL_STATES)))
        .compose(rows -> {
          long busy = rows.iterator().next().getLong("busy");
          return busy == 0 ? read(connection, request) : CatalogRows.<Account>failure(ErrorCode.CONFLICT, "account '"
              + request.accountId() + "' has " + busy + " post(s) still in the pipeline; cancel them or let them "
              + "finish before deleting it");
        })
        .compose(before -> connection.preparedQuery(TOMBSTONE).execute(Tuple.of(request.accountId()))
            .compose(deleted -> tokens.erase(connection, request.accountId()))
            .compose(erased -> CatalogRows.audit(connection, request.brandId(), request.actor(), "account.delete",
                request.accountId(), new JsonObject()))
            .map(audited -> new Account(before.id(), before.brandId(), before.platform(), before.handle(),
                before.externalId(), "DELETED", false, before.managedBy(), before.createdAt(), before.updatedAt()))));
  }

  /** Locks an account the API may change; the future holds its platform. */
  private static Future<Platform> lockApiAccount(SqlConnection connection, AccountRequest request) {
    return connection.preparedQuery(LOCK).execute(Tuple.of(request.brandId(), request.accountId())).compose(rows -> {
      if (rows.size() == 0) {
        return CatalogRows.notFound("account '" + request.accountId() + "' in brand '" + request.brandId() + "'");
      }
      Row row = rows.iterator().next();
      return CatalogRows.API.equals(row.getString("managed_by"))
          ? Future.succeededFuture(Platform.of(row.getString("platform")))
          : CatalogRows.configManaged("account", request.accountId());
    });
  }

  private static Future<Account> read(SqlConnection connection, AccountRequest request) {
    return connection.preparedQuery(GET).execute(Tuple.of(request.brandId(), request.accountId()))
        .compose(rows -> rows.size() == 0
            ? CatalogRows.<Account>notFound("account '" + request.accountId() + "' in brand '" + request.brandId() + "'")
            : Future.succeededFuture(account(rows.iterator().next())));
  }

  private String credentialsProblem(AccountCredentials credentials) {
    if (credentials == null) {
      return null;
    }
    if (blank(credentials.accessToken())) {
      return "credentials.accessToken: is required";
    }
    if (!tokens.canStore()) {
      return "credentials: this Chorus stores platform credentials only encrypted, and its tokens.encryptionKey "
          + "is not set; ask its operator to set it";
    }
    return null;
  }

  private static JsonObject changed(AccountRequest request) {
    JsonObject detail = new JsonObject();
    if (request.handle() != null) {
      detail.put("handle", request.handle());
    }
    if (request.externalId() != null) {
      detail.put("externalId", request.externalId());
    }
    if (request.status() != null) {
      detail.put("status", request.status());
    }
    if (request.credentials() != null) {
      // That they changed, never what they are.
      detail.put("credentials", "replaced");
    }
    return detail;
  }

  private static String strip(String value) {
    return value == null ? null : value.strip();
  }

  private static Account account(Row row) {
    return new Account(row.getString("id"), row.getString("brand_id"), Platform.of(row.getString("platform")),
        row.getString("handle"), row.getString("external_id"), row.getString("status"),
        row.getBoolean("has_credentials"), row.getString("managed_by"), instant(row.getOffsetDateTime("created_at")),
        instant(row.getOffsetDateTime("updated_at")));
  }
}
