package io.chorus.platform;

import io.chorus.contracts.ChorusError;
import io.chorus.contracts.ErrorCode;
import io.chorus.contracts.Platform;
import io.chorus.contracts.tenants.AccountChanged;
import io.chorus.platform.auth.AccountAuth;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The accounts an agent acts for: the configuration's, and the platform's accounts created through
 * the API, which the configuration does not list. Those are read from the catalog's table when the
 * agent starts, when one is first asked for, and again when the catalog says one changed; their
 * tokens are the ones stored in {@code account_tokens}, held by {@link AccountAuth}.
 */
final class AgentAccounts {
  private static final String COLUMNS = "SELECT id, platform, brand_id, handle, external_id FROM accounts ";
  private static final String OF_PLATFORM = COLUMNS
      + "WHERE platform = $1 AND managed_by = 'api' AND status <> 'DELETED'";
  private static final String ONE = COLUMNS
      + "WHERE id = $1 AND platform = $2 AND managed_by = 'api' AND status <> 'DELETED'";

  private final Platform platform;
  private final Pool pool;
  private final AccountAuth auth;
  /** Every account by id, the other platforms' included; shared with the metrics collector. */
  private final Map<String, PlatformAccount> accounts;
  private final Set<String> fromApi = new HashSet<>();

  AgentAccounts(Platform platform, Pool pool, AccountAuth auth, Map<String, PlatformAccount> accounts) {
    this.platform = platform;
    this.pool = pool;
    this.auth = auth;
    this.accounts = accounts;
  }

  /** Takes on every account of the platform created through the API. */
  Future<Void> start() {
    return pool.preparedQuery(OF_PLATFORM).execute(Tuple.of(platform.id())).compose(rows -> {
      List<Future<Void>> adopted = new ArrayList<>();
      rows.forEach(row -> adopted.add(adopt(account(row))));
      return Future.all(adopted).mapEmpty();
    });
  }

  /** The platform's account of this id; fails with INVALID_REQUEST when there is none. */
  Future<PlatformAccount> find(String accountId) {
    PlatformAccount account = accounts.get(accountId);
    if (account == null) {
      // Created through the API since this agent looked, its notice not here yet.
      return fromCatalog(accountId).compose(found -> found.isEmpty()
          ? invalid("unknown account '" + accountId + "'")
          : adopt(found.get()).map(found.get()));
    }
    if (account.platform() != platform) {
      return invalid("account '" + account.id() + "' is on " + account.platform().id() + ", not " + platform.id());
    }
    return Future.succeededFuture(account);
  }

  /** Reads a changed account afresh, or lets it go when it was deleted; the configuration's are not the API's to change. */
  Future<Void> changed(AccountChanged change) {
    boolean configured = accounts.containsKey(change.accountId()) && !fromApi.contains(change.accountId());
    if (change.platform() != platform || configured) {
      return Future.succeededFuture();
    }
    return fromCatalog(change.accountId()).compose(found -> {
      if (found.isPresent()) {
        return adopt(found.get());
      }
      fromApi.remove(change.accountId());
      accounts.remove(change.accountId());
      auth.forget(change.accountId());
      return Future.succeededFuture();
    });
  }

  private Future<Void> adopt(PlatformAccount account) {
    fromApi.add(account.id());
    accounts.put(account.id(), account);
    return auth.adopt(account);
  }

  private Future<Optional<PlatformAccount>> fromCatalog(String accountId) {
    return pool.preparedQuery(ONE).execute(Tuple.of(accountId, platform.id())).map(rows -> rows.size() == 0
        ? Optional.empty()
        : Optional.of(account(rows.iterator().next())));
  }

  private static PlatformAccount account(Row row) {
    // No token in it: AccountAuth holds the stored one.
    return new PlatformAccount(row.getString("id"), Platform.of(row.getString("platform")), row.getString("brand_id"),
        row.getString("handle"), row.getString("external_id"), null);
  }

  private static <T> Future<T> invalid(String why) {
    return Future.failedFuture(ChorusError.of(ErrorCode.INVALID_REQUEST, why).exception());
  }
}
