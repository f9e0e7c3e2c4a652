package io.chorus.platform;

import io.chorus.contracts.Addresses;
import io.chorus.contracts.ChorusError;
import io.chorus.contracts.ChorusException;
import io.chorus.contracts.ErrorCode;
import io.chorus.contracts.Platform;
import io.chorus.contracts.health.HealthQuery;
import io.chorus.contracts.health.HealthReport;
import io.chorus.contracts.metrics.CollectRequest;
import io.chorus.contracts.platform.PlatformEvent;
import io.chorus.contracts.platform.AccountStatus;
import io.chorus.contracts.platform.OptimizeRequest;
import io.chorus.contracts.platform.PublishRequest;
import io.chorus.contracts.platform.PublishResult;
import io.chorus.contracts.platform.Reauthorization;
import io.chorus.contracts.platform.ReconcileRequest;
import io.chorus.contracts.tenants.AccountChanged;
import io.chorus.platform.engagement.CommentsClient;
import io.chorus.platform.engagement.CommentsClients;
import io.chorus.platform.engagement.Engagement;
import io.chorus.platform.insights.CollectHandler;
import io.chorus.platform.insights.InsightsClients;
import io.chorus.ratelimit.Quota;
import io.chorus.platform.auth.AccountAuth;
import io.chorus.platform.signal.ThrottledException;
import io.chorus.platform.signal.UnauthorizedException;
import io.chorus.ratelimit.RateLimiter;
import io.chorus.ratelimit.RateLimiterOptions;
import io.chorus.storage.Database;
import io.chorus.storage.DatabaseOptions;
import io.vertx.circuitbreaker.CircuitBreaker;
import io.vertx.circuitbreaker.CircuitBreakerOptions;
import io.vertx.circuitbreaker.CircuitBreakerState;
import io.vertx.circuitbreaker.OpenCircuitException;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.sqlclient.Pool;
import java.time.Instant;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One platform's agent: fits text to the platform, publishes posts (and replies) through its API,
 * looks for posts of unknown outcome among the account's recent ones, reads its posts' insights
 * ({@code collect}) and answers comments ({@code events}), behind one circuit breaker named
 * {@code platform.<id>}, within the accounts' quotas and the pauses the platform asks for, with
 * tokens kept fresh by {@link AccountAuth}. Deployed once per platform.
 */
public final class PlatformAgentVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(PlatformAgentVerticle.class);

  private final Platform platform;
  private Map<String, PlatformAccount> accounts;
  private TextFitter fitter;
  private PlatformClient client;
  private CircuitBreaker breaker;
  private WebClient web;
  private QuotaGate quotas;
  private AccountAuth auth;
  private Pool pool;
  private BreakerSettings breakerSettings;
  private CommentsClient comments;
  private Engagement engagement;
  private AgentAccounts agentAccounts;

  public PlatformAgentVerticle(Platform platform) {
    this.platform = platform;
  }

  @Override
  public Future<?> start() {
    PlatformSettings settings = PlatformSettings.fromConfig(config(), platform);
    accounts = PlatformAccount.allFromConfig(config()).stream()
        .collect(Collectors.toMap(PlatformAccount::id, Function.identity(), (first, second) -> first));
    web = WebClient.create(vertx, new WebClientOptions()
        .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, settings.timeoutMs()))
        .setUserAgent("Chorus"), new PoolOptions().setHttp1MaxSize(settings.maxConnections()));
    fitter = Platforms.fitter(platform);
    quotas = new QuotaGate(platform, RateLimiter.create(vertx, RateLimiterOptions.fromConfig(config())), config());
    breakerSettings = BreakerSettings.fromConfig(config());
    client = Platforms.client(platform, vertx, web, settings, PublishOptions.fromConfig(config(), platform));
    breaker = breaker();
    pool = Database.pool(vertx, DatabaseOptions.fromConfig(config()));
    Map<String, PlatformAccount> own = accounts.values().stream().filter(a -> a.platform() == platform)
        .collect(Collectors.toMap(PlatformAccount::id, Function.identity()));
    auth = new AccountAuth(vertx, platform, pool, web, config(), own, PlatformAccount.entriesFromConfig(config()),
        settings.timeoutMs());
    comments = CommentsClients.of(platform, web, settings);
    engagement = Engagement.create(vertx, config(), platform, accounts.values(), comments);
    CollectHandler collector = new CollectHandler(platform, accounts,
        account -> auth.accessToken(account).map(account::withAccessToken), InsightsClients.of(platform, web, settings),
        comments, this::throughBreaker, engagement.handler()::handle, findComments());
    agentAccounts = new AgentAccounts(platform, pool, auth, accounts);
    EventBus bus = vertx.eventBus();
    return auth.start().compose(loaded -> agentAccounts.start()).compose(adopted -> Future.join(List.of(
        bus.<AccountChanged>consumer(Addresses.TENANTS_ACCOUNT_CHANGED, message -> agentAccounts.changed(message.body())
            .onFailure(failure -> LOG.warn("{} account {} not read again after a change: {}", platform.id(),
                message.body().accountId(), failure.getMessage()))).completion(),
        bus.<OptimizeRequest>consumer(platform.address(Addresses.OPTIMIZE), this::optimize).completion(),
        bus.<PublishRequest>consumer(platform.address(Addresses.PUBLISH), this::publish).completion(),
        bus.<ReconcileRequest>consumer(platform.address(Addresses.RECONCILE), this::reconcile).completion(),
        bus.<HealthQuery>consumer(platform.address(Addresses.STATUS), this::status).completion(),
        bus.<Reauthorization>consumer(platform.address(Addresses.REAUTHORIZE), this::reauthorize).completion(),
        bus.<CollectRequest>consumer(platform.address(Addresses.COLLECT), collector::handle).completion(),
        bus.<PlatformEvent>consumer(platform.address(Addresses.EVENTS), engagement.handler()::handle).completion())));
  }

  /** {@code metrics.collect.findComments}: whether collecting metrics also looks for new comments. */
  private boolean findComments() {
    JsonObject collect = config().getJsonObject("metrics", new JsonObject()).getJsonObject("collect", new JsonObject());
    return collect.getBoolean("findComments", true);
  }

  @Override
  public Future<?> stop() {
    breaker.close();
    web.close();
    if (auth != null) {
      auth.stop();
    }
    return Future.join(quotas.close(), pool.close(), engagement.close());
  }

  private CircuitBreaker breaker() {
    String name = "platform." + platform.id();
    // No breaker timeout: every HTTP call has its own, and Instagram and TikTok publications
    // legitimately poll for longer than one call may take.
    CircuitBreakerOptions options = new CircuitBreakerOptions()
        .setMaxFailures(breakerSettings.maxFailures())
        .setTimeout(-1)
        .setResetTimeout(breakerSettings.resetMs());
    return CircuitBreaker.create(name, vertx, options)
        // Only outages count: a refused post says nothing about the platform's health, and a
        // 429 is one account's quota (the rate limiter's business), not a platform down for all.
        .failurePolicy(outcome -> outcome.failed()
            && ChorusError.from(outcome.cause()).code() == ErrorCode.PLATFORM_UNAVAILABLE)
        .openHandler(v -> LOG.warn("circuit breaker {} opened after repeated failures", name))
        .halfOpenHandler(v -> LOG.info("circuit breaker {} half-open, trying the platform again", name))
        .closeHandler(v -> LOG.info("circuit breaker {} closed", name));
  }

  private void optimize(Message<OptimizeRequest> message) {
    OptimizeRequest request = message.body();
    if (request == null || request.text() == null) {
      ChorusError.of(ErrorCode.INVALID_REQUEST, "an optimize request needs a text").failReply(message);
      return;
    }
    try {
      message.reply(fitter.fit(request));
    } catch (ChorusException refused) {
      refused.error().failReply(message);
    }
  }

  private void publish(Message<PublishRequest> message) {
    PublishRequest request = message.body();
    account(request == null ? null : request.accountId(), request == null ? null : request.text())
        .compose(account -> publish(account, request))
        .onSuccess(result -> {
          LOG.info("published post {} on {} as {} (attempt {})",
              request.postId(), platform.id(), result.externalId(), request.attempt());
          message.reply(result);
        })
        .onFailure(failure -> {
          ChorusError error = ChorusError.from(failure);
          LOG.warn("post {} not published on {} (attempt {}): {}",
              request == null ? null : request.postId(), platform.id(),
              request == null ? 0 : request.attempt(), error.message());
          error.failReply(message);
        });
  }

  /**
   * Publishes within the account's and the app's quotas and through the platform's breaker: the
   * one way out to the platform. A post over quota, or of an account the platform paused, never
   * reaches the platform; it is refused as RATE_LIMITED with the wait until there is room.
   */
  Future<PublishResult> publish(PlatformAccount account, PublishRequest request) {
    return quotas.admit(account)
        .compose(admitted -> auth.accessToken(account))
        .compose(token -> publishAs(account, token, request, true));
  }

  /**
   * Publishes with the token; a refused token is renewed (or taken from another node) and tried
   * once more, and refused again means the account needs authorizing again. A throttle pauses
   * the account (or the app) until the platform's reset.
   */
  private Future<PublishResult> publishAs(PlatformAccount account, String token, PublishRequest request, boolean mayRenew) {
    return throughBreaker(() -> request.inReplyToExternalId() == null
            ? client.publish(account.withAccessToken(token), request)
            : comments.reply(account.withAccessToken(token), request))
        .map(externalId -> new PublishResult(request.postId(), externalId, Instant.now()))
        .recover(failure -> {
          if (failure instanceof ThrottledException throttled) {
            return quotas.throttled(account, throttled);
          }
          if (failure instanceof UnauthorizedException refused && auth.hasToken(account)) {
            return mayRenew
                ? auth.afterRefusal(account, token, refused.error().message())
                    .compose(renewed -> publishAs(account, renewed, request, false))
                : auth.refusedAfterRenewal(account, refused.error().message());
          }
          return Future.failedFuture(failure);
        });
  }

  private void reauthorize(Message<Reauthorization> message) {
    Reauthorization authorization = message.body();
    if (authorization == null || authorization.accountId() == null) {
      ChorusError.of(ErrorCode.INVALID_REQUEST, "a reauthorization needs an accountId").failReply(message);
      return;
    }
    auth.reauthorize(authorization)
        .onSuccess(message::reply)
        .onFailure(failure -> ChorusError.from(failure).failReply(message));
  }

  private void reconcile(Message<ReconcileRequest> message) {
    ReconcileRequest request = message.body();
    account(request == null ? null : request.accountId(), request == null ? null : request.text())
        .compose(account -> auth.accessToken(account).compose(token -> Reconciliation.find(
            new ReconcileRequest(request.postId(), request.accountId(), client.recognisableText(request.text()),
                request.notBefore()),
            since -> throughBreaker(() -> client.recentPosts(account.withAccessToken(token), since))
                .recover(failure -> failure instanceof ThrottledException throttled
                    ? quotas.throttled(account, throttled)
                    : Future.failedFuture(failure)))))
        .onSuccess(result -> {
          LOG.info("post {} {} on {}{}", request.postId(), result.found() ? "found" : "not found",
              platform.id(), result.found() ? " as " + result.externalId() : "");
          message.reply(result);
        })
        .onFailure(failure -> {
          ChorusError error = ChorusError.from(failure);
          LOG.warn("post {} not reconciled on {}: {}", request == null ? null : request.postId(),
              platform.id(), error.message());
          error.failReply(message);
        });
  }

  /** Calls the platform through its breaker; an open breaker is a retryable PLATFORM_UNAVAILABLE. */
  private <T> Future<T> throughBreaker(Supplier<Future<T>> call) {
    return breaker.<T>execute(call)
        .recover(failure -> Future.failedFuture(failure instanceof OpenCircuitException
            ? ChorusError.retryAfter(ErrorCode.PLATFORM_UNAVAILABLE,
                platform.id() + " circuit breaker is open", breakerSettings.resetMs()).exception()
            : failure));
  }

  private Future<PlatformAccount> account(String accountId, String text) {
    if (text == null || accountId == null) {
      return invalid("a request needs an account and a text");
    }
    return agentAccounts.find(accountId);
  }

  private static <T> Future<T> invalid(String why) {
    return Future.failedFuture(ChorusError.of(ErrorCode.INVALID_REQUEST, why).exception());
  }

  private void status(Message<HealthQuery> message) {
    CircuitBreakerState state = breaker.state();
    long ownAccounts = accounts.values().stream().filter(a -> a.platform() == platform).count();
    long waiting = accounts.values().stream().filter(a -> a.platform() == platform)
        .filter(a -> !AccountStatus.ACTIVE.equals(auth.status(a.id()).status())).count();
    boolean degraded = state != CircuitBreakerState.CLOSED || quotas.degraded();
    message.reply(new HealthReport("platform." + platform.id(), true, degraded,
        "breaker " + state.name().toLowerCase(Locale.ROOT) + ", " + ownAccounts + " account(s)"
            + (waiting > 0 ? ", " + waiting + " needing authorization again" : "")
            + (quotas.degraded() ? ", rate limits decided locally (Redis unreachable)" : "")));
  }
}
