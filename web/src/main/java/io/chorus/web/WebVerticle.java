package io.chorus.web;

import io.chorus.contracts.Addresses;
import io.chorus.contracts.metrics.LiveMetrics;
import io.chorus.contracts.pipeline.PostAction;
import io.chorus.contracts.pipeline.PostStateChanged;
import io.chorus.contracts.reports.ReportReady;
import io.chorus.ratelimit.RateLimiter;
import io.chorus.ratelimit.RateLimiterOptions;
import io.chorus.web.auth.Access;
import io.chorus.web.auth.BearerTokenHandler;
import io.chorus.web.auth.Permission;
import io.chorus.web.auth.TokenRateLimitHandler;
import io.chorus.web.catalog.CatalogApi;
import io.chorus.web.dashboard.Dashboard;
import io.chorus.web.health.ReadinessChecks;
import io.chorus.web.media.MediaHandler;
import io.chorus.web.openapi.OpenApi;
import io.chorus.web.posts.PostBrandGuard;
import io.chorus.web.posts.PostCommandHandler;
import io.chorus.web.posts.PostHistoryHandler;
import io.chorus.web.posts.PostsApi;
import io.chorus.web.posts.PostsHandler;
import io.chorus.web.posts.ReviewHandler;
import io.chorus.web.posts.VariantsHandler;
import io.chorus.web.problem.Problems;
import io.chorus.web.session.SessionAuthHandler;
import io.chorus.web.session.SessionOptions;
import io.chorus.web.session.SessionStore;
import io.chorus.web.session.SignInRoutes;
import io.chorus.web.stream.AgentHealthPoller;
import io.chorus.web.stream.StreamHandler;
import io.chorus.web.stream.StreamRegistry;
import io.chorus.web.tokens.TokensApi;
import io.chorus.web.usage.UsageHandler;
import io.chorus.web.webhooks.WebhooksApi;
import io.chorus.web.webhooks.inbound.InboundWebhookOptions;
import io.chorus.web.webhooks.inbound.InboundWebhooks;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP face of a Chorus node: the REST API, the live event stream, health probes and the
 * dashboard. It owns no data; it asks the other verticles over the event bus. Deploy one
 * instance per node, with the whole Chorus configuration as its config.
 */
public final class WebVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(WebVerticle.class);

  private StreamRegistry streams;
  private SessionStore sessions;
  private RateLimiter limiter;
  private Router router;
  private HttpServer server;
  private long heartbeatTimer = -1;
  private long healthTimer = -1;

  @Override
  public Future<?> start() {
    WebOptions options = WebOptions.fromJson(config());
    streams = new StreamRegistry(options.replayBufferSize());
    sessions = SessionStore.create(vertx, SessionOptions.fromJson(config()));
    limiter = RateLimiter.create(vertx, RateLimiterOptions.fromConfig(config()));
    EventBus bus = vertx.eventBus();
    // One consumer per address per node; the registry fans out to however many clients there are.
    MessageConsumer<LiveMetrics> metrics =
        bus.consumer(Addresses.METRICS_LIVE, message -> streams.publishMetrics(message.body()));
    MessageConsumer<PostStateChanged> transitions =
        bus.consumer(Addresses.PIPELINE_TRANSITIONS, message -> streams.publishPostState(message.body()));
    MessageConsumer<ReportReady> reports =
        bus.consumer(Addresses.REPORTS_READY, message -> streams.publishReport(message.body()));
    Future<OpenApi> openApi = OpenApi.load(vertx);
    return Future.join(metrics.completion(), transitions.completion(), reports.completion(), openApi)
        .compose(registered -> {
          router = router(options, openApi.result());
          return vertx.createHttpServer(new HttpServerOptions()).requestHandler(router)
              .listen(options.port(), options.host());
        })
        .onSuccess(listening -> {
          server = listening;
          heartbeatTimer = vertx.setPeriodic(options.heartbeatMs(), tick -> streams.heartbeat());
          healthTimer = new AgentHealthPoller(vertx, streams,
              Math.min(options.requestTimeoutMs(), options.agentHealthIntervalMs()))
              .start(options.agentHealthIntervalMs());
          LOG.info("Web listening on {}:{} (API {})", options.host(), listening.actualPort(),
              options.authRequired() ? "needs an API token" : "open to anyone: auth.required is false");
        });
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(heartbeatTimer);
    vertx.cancelTimer(healthTimer);
    streams.closeAll();
    Future<Void> closed = server == null ? Future.succeededFuture() : server.close();
    return closed.eventually(sessions::close).eventually(limiter::close);
  }

  /** The port the server listens on; meaningful once started, also when configured with port 0. */
  public int actualPort() {
    if (server == null) {
      throw new IllegalStateException("the web verticle has not started");
    }
    return server.actualPort();
  }

  /** The routes this node serves, once started; for checking them against the API's OpenAPI document. */
  public List<Route> routes() {
    return router == null ? List.of() : router.getRoutes();
  }

  /** How many event-stream clients this node serves right now. */
  public int streamClients() {
    return streams.size();
  }

  private Router router(WebOptions options, OpenApi openApi) {
    Router router = Router.router(vertx);
    router.route().handler(new SecurityHeadersHandler());
    openApi.mountDocs(router);
    router.get("/health/live").handler(ReadinessChecks.liveness());
    router.get("/health/ready").handler(ReadinessChecks.handler(vertx, options.readinessTimeoutMs()));

    // Platforms fetch media with no Chorus token, so media stay outside the API's authentication.
    MediaHandler media = MediaHandler.create(vertx.eventBus(), options.requestTimeoutMs());
    router.get("/media/:id").handler(media);
    router.head("/media/:id").handler(media);


    EventBus bus = vertx.eventBus();
    long timeoutMs = options.requestTimeoutMs();
    BearerTokenHandler bearer = BearerTokenHandler.create(bus, timeoutMs);
    SignInRoutes signIn = SignInRoutes.mount(router, sessions, bearer::principalFor,
        SessionOptions.fromJson(config()), options.authRequired());
    TokenRateLimitHandler rateLimit = new TokenRateLimitHandler(limiter, options.tokenQuota());

    // The stream comes first: browsers' EventSource sends the session cookie, or else can only
    // send a token in the query string.
    Route stream = router.get("/api/v1/stream");
    if (options.authRequired()) {
      stream.handler(SessionAuthHandler.create(sessions, BearerTokenHandler.createAcceptingQueryToken(bus, timeoutMs)))
          .handler(rateLimit);
    }
    stream.handler(Access.require(Permission.READ)).handler(StreamHandler.create(streams, options.maxQueuedBytes()));

    // Platforms prove themselves with signatures, not bearer tokens.
    List<String> inbound = InboundWebhooks.mount(router, bus, InboundWebhookOptions.fromJson(config()), timeoutMs);
    LOG.info("Inbound webhooks for {}", inbound.isEmpty() ? "no platform (no secrets configured)" : inbound);

    if (options.authRequired()) {
      router.route("/api/v1/*").handler(SessionAuthHandler.create(sessions, bearer)).handler(rateLimit);
    }
    router.route("/api/v1/*").handler(BodyHandler.create(false).setBodyLimit(options.maxBodyBytes()));
    router.route("/api/v1/*").handler(openApi.validator());
    router.get("/api/v1/session").handler(signIn::whoAmI);
    router.get("/api/v1/posts").handler(Access.require(Permission.READ)).handler(PostsHandler.create(bus, timeoutMs));
    // Every route about one post first checks the caller may see the post's brand.
    router.route("/api/v1/posts/:id/*").handler(PostBrandGuard.create(bus, timeoutMs));
    router.get("/api/v1/posts/:id/variants").handler(Access.require(Permission.READ))
        .handler(VariantsHandler.create(bus, timeoutMs));
    router.get("/api/v1/posts/:id/history").handler(Access.require(Permission.READ))
        .handler(PostHistoryHandler.create(bus, timeoutMs));
    router.post("/api/v1/posts/:id/approve").handler(Access.require(Permission.POSTS_REVIEW))
        .handler(ReviewHandler.approve(bus, timeoutMs));
    router.post("/api/v1/posts/:id/reject").handler(Access.require(Permission.POSTS_REVIEW))
        .handler(ReviewHandler.reject(bus, timeoutMs));
    for (PostAction action : PostAction.values()) {
      router.post("/api/v1/posts/:id/" + action.name().toLowerCase(Locale.ROOT))
          .handler(Access.require(Permission.POSTS_WRITE))
          .handler(PostCommandHandler.create(bus, action, timeoutMs));
    }
    router.get("/api/v1/usage").handler(Access.require(Permission.READ)).handler(UsageHandler.create(bus, timeoutMs));
    router.get("/api/v1/dead-letters").handler(Access.require(Permission.READ))
        .handler(PostsHandler.deadLetters(bus, timeoutMs));
    WebhooksApi.mount(router, bus, timeoutMs);
    TokensApi.mount(router, bus, timeoutMs);
    CatalogApi.mount(router, bus, timeoutMs);
    PostsApi.mount(router, bus, timeoutMs);

    Dashboard.mount(router);
    router.route().failureHandler(Problems::onFailure);
    for (int status : new int[] {404, 405, 413}) {
      router.errorHandler(status, Problems::onFailure);
    }
    return router;
  }
}
