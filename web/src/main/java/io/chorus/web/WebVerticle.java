package io.chorus.web;

import io.chorus.contracts.Addresses;
import io.chorus.contracts.metrics.LiveMetrics;
import io.chorus.contracts.pipeline.PostAction;
import io.chorus.contracts.pipeline.PostStateChanged;
import io.chorus.contracts.reports.ReportReady;
import io.chorus.web.auth.Actor;
import io.chorus.web.auth.BearerTokenHandler;
import io.chorus.web.catalog.CatalogApi;
import io.chorus.web.dashboard.Dashboard;
import io.chorus.web.health.ReadinessChecks;
import io.chorus.web.media.MediaHandler;
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
import io.chorus.web.session.TokenVerifier;
import io.chorus.web.stream.AgentHealthPoller;
import io.chorus.web.stream.StreamHandler;
import io.chorus.web.stream.StreamRegistry;
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
  private HttpServer server;
  private long heartbeatTimer = -1;
  private long healthTimer = -1;

  @Override
  public Future<?> start() {
    WebOptions options = WebOptions.fromJson(config());
    streams = new StreamRegistry(options.replayBufferSize());
    sessions = SessionStore.create(vertx, SessionOptions.fromJson(config()));
    EventBus bus = vertx.eventBus();
    // One consumer per address per node; the registry fans out to however many clients there are.
    MessageConsumer<LiveMetrics> metrics =
        bus.consumer(Addresses.METRICS_LIVE, message -> streams.publishMetrics(message.body()));
    MessageConsumer<PostStateChanged> transitions =
        bus.consumer(Addresses.PIPELINE_TRANSITIONS, message -> streams.publishPostState(message.body()));
    MessageConsumer<ReportReady> reports =
        bus.consumer(Addresses.REPORTS_READY, message -> streams.publishReport(message.body()));
    Router router = router(options);
    return Future.join(metrics.completion(), transitions.completion(), reports.completion())
        .compose(registered -> vertx.createHttpServer(new HttpServerOptions())
            .requestHandler(router)
            .listen(options.port(), options.host()))
        .onSuccess(listening -> {
          server = listening;
          heartbeatTimer = vertx.setPeriodic(options.heartbeatMs(), tick -> streams.heartbeat());
          healthTimer = new AgentHealthPoller(vertx, streams,
              Math.min(options.requestTimeoutMs(), options.agentHealthIntervalMs()))
              .start(options.agentHealthIntervalMs());
          LOG.info("Web listening on {}:{} (API {})", options.host(), listening.actualPort(),
              options.authRequired() ? "needs a bearer token" : "open");
        });
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(heartbeatTimer);
    vertx.cancelTimer(healthTimer);
    streams.closeAll();
    Future<Void> closed = server == null ? Future.succeededFuture() : server.close();
    return closed.eventually(sessions::close);
  }

  /** The port the server listens on; meaningful once started, also when configured with port 0. */
  public int actualPort() {
    if (server == null) {
      throw new IllegalStateException("the web verticle has not started");
    }
    return server.actualPort();
  }

  /** How many event-stream clients this node serves right now. */
  public int streamClients() {
    return streams.size();
  }

  private Router router(WebOptions options) {
    Router router = Router.router(vertx);
    router.route().handler(new SecurityHeadersHandler());
    router.get("/health/live").handler(ReadinessChecks.liveness());
    router.get("/health/ready").handler(ReadinessChecks.handler(vertx, options.readinessTimeoutMs()));

    // Platforms fetch media with no Chorus token, so media stay outside the API's authentication.
    MediaHandler media = MediaHandler.create(vertx.eventBus(), options.requestTimeoutMs());
    router.get("/media/:id").handler(media);
    router.head("/media/:id").handler(media);


    BearerTokenHandler bootstrap = options.authRequired() ? BearerTokenHandler.create(options.bootstrapToken()) : null;
    // The one place a pasted token is checked; a verifier of stored API tokens replaces it.
    TokenVerifier verifier = token -> Future.succeededFuture(
        bootstrap != null && bootstrap.accepts(token) ? Actor.BOOTSTRAP_ADMIN : null);
    SignInRoutes signIn = SignInRoutes.mount(router, sessions, verifier, SessionOptions.fromJson(config()),
        options.authRequired());

    // The stream comes first: browsers' EventSource sends the session cookie, or else can only
    // send a token in the query string.
    Route stream = router.get("/api/v1/stream");
    if (options.authRequired()) {
      stream.handler(SessionAuthHandler.create(sessions,
          BearerTokenHandler.createAcceptingQueryToken(options.bootstrapToken())));
    }
    stream.handler(StreamHandler.create(streams, options.maxQueuedBytes()));

    // Platforms prove themselves with signatures, not bearer tokens.
    List<String> inbound = InboundWebhooks.mount(router, vertx.eventBus(), InboundWebhookOptions.fromJson(config()),
        options.requestTimeoutMs());
    LOG.info("Inbound webhooks for {}", inbound.isEmpty() ? "no platform (no secrets configured)" : inbound);

    if (options.authRequired()) {
      router.route("/api/v1/*").handler(SessionAuthHandler.create(sessions, bootstrap));
    }
    router.route("/api/v1/*").handler(BodyHandler.create(false).setBodyLimit(options.maxBodyBytes()));
    router.get("/api/v1/session").handler(signIn::whoAmI);
    router.get("/api/v1/posts").handler(PostsHandler.create(vertx.eventBus(), options.requestTimeoutMs()));
    router.get("/api/v1/posts/:id/variants").handler(VariantsHandler.create(vertx.eventBus(), options.requestTimeoutMs()));
    router.get("/api/v1/posts/:id/history")
        .handler(PostHistoryHandler.create(vertx.eventBus(), options.requestTimeoutMs()));
    router.post("/api/v1/posts/:id/approve").handler(ReviewHandler.approve(vertx.eventBus(), options.requestTimeoutMs()));
    router.post("/api/v1/posts/:id/reject").handler(ReviewHandler.reject(vertx.eventBus(), options.requestTimeoutMs()));
    router.get("/api/v1/usage").handler(UsageHandler.create(vertx.eventBus(), options.requestTimeoutMs()));
    router.get("/api/v1/dead-letters").handler(PostsHandler.deadLetters(vertx.eventBus(), options.requestTimeoutMs()));
    for (PostAction action : PostAction.values()) {
      router.post("/api/v1/posts/:id/" + action.name().toLowerCase(Locale.ROOT))
          .handler(PostCommandHandler.create(vertx.eventBus(), action, options.requestTimeoutMs()));
    }
    WebhooksApi.mount(router, vertx.eventBus(), options.requestTimeoutMs());
    CatalogApi.mount(router, vertx.eventBus(), options.requestTimeoutMs());
    PostsApi.mount(router, vertx.eventBus(), options.requestTimeoutMs());

    Dashboard.mount(router);
    router.route().failureHandler(Problems::onFailure);
    for (int status : new int[] {404, 405, 413}) {
      router.errorHandler(status, Problems::onFailure);
    }
    return router;
  }
}
