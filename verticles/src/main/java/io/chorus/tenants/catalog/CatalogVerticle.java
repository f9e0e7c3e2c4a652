package io.chorus.tenants.catalog;

import io.chorus.contracts.Addresses;
import io.chorus.contracts.ChorusError;
import io.chorus.contracts.ErrorCode;
import io.chorus.contracts.tenants.Account;
import io.chorus.contracts.tenants.AccountChanged;
import io.chorus.contracts.tenants.AccountRequest;
import io.chorus.contracts.tenants.BrandRequest;
import io.chorus.contracts.tenants.CampaignRequest;
import io.chorus.contracts.tenants.CatalogAction;
import io.chorus.platform.auth.AccountAuth;
import io.chorus.platform.auth.AccountTokens;
import io.chorus.storage.Database;
import io.chorus.storage.DatabaseOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.sqlclient.Pool;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The catalog service: brands, their platform accounts and their campaigns, as the REST API reads
 * and changes them. Rows the configuration declares are read-only here (the configuration stays
 * their source of truth); rows created through the API are the API's to change. Every change is
 * audited with who asked; account changes are announced to the platform agents, which read the
 * account (and the credentials stored for it, see {@link AccountAuth}) afresh.
 */
public final class CatalogVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(CatalogVerticle.class);

  private Pool pool;
  private BrandStore brands;
  private AccountStore accounts;
  private CampaignStore campaigns;

  @Override
  public Future<?> start() {
    pool = Database.pool(vertx, DatabaseOptions.fromConfig(config()));
    brands = new BrandStore(pool);
    accounts = new AccountStore(pool, AccountTokens.fromConfig(config()));
    campaigns = new CampaignStore(pool);
    EventBus bus = vertx.eventBus();
    return Future.all(List.of(
        bus.<BrandRequest>consumer(Addresses.TENANTS_BRANDS,
            message -> answer(message, BrandRequest::action, brands::handle)).completion(),
        bus.<AccountRequest>consumer(Addresses.TENANTS_ACCOUNTS, this::account).completion(),
        bus.<CampaignRequest>consumer(Addresses.TENANTS_CAMPAIGNS,
            message -> answer(message, CampaignRequest::action, campaigns::handle)).completion()));
  }

  @Override
  public Future<?> stop() {
    return pool == null ? Future.succeededFuture() : pool.close();
  }

  private void account(Message<AccountRequest> message) {
    answer(message, AccountRequest::action, request -> accounts.handle(request).onSuccess(result -> {
      if (result instanceof Account account && request.action() != CatalogAction.GET) {
        vertx.eventBus().publish(Addresses.TENANTS_ACCOUNT_CHANGED, new AccountChanged(account.id(),
            account.platform(), account.brandId(), changeOf(request.action())));
      }
    }));
  }

  private static String changeOf(CatalogAction action) {
    return switch (action) {
      case CREATE -> "created";
      case DELETE -> "deleted";
      default -> action.name().toLowerCase(Locale.ROOT) + "d";
    };
  }

  /** Answers with what {@code handler} makes of the request, or with the error it failed with. */
  private static <R> void answer(Message<R> message, Function<R, CatalogAction> action,
      Function<R, Future<?>> handler) {
    R request = message.body();
    Future<?> answered;
    try {
      answered = request == null || action.apply(request) == null
          ? CatalogRows.invalid("action: a catalog request needs an action")
          : handler.apply(request);
    } catch (RuntimeException broken) {
      answered = Future.failedFuture(broken);
    }
    answered.onSuccess(message::reply).onFailure(failure -> storageError(failure).failReply(message));
  }

  private static ChorusError storageError(Throwable failure) {
    ChorusError error = ChorusError.from(failure);
    if (error.code() != ErrorCode.INTERNAL) {
      return error;
    }
    LOG.error("Catalog request failed", failure);
    return ChorusError.of(ErrorCode.STORAGE_UNAVAILABLE, error.message());
  }
}
