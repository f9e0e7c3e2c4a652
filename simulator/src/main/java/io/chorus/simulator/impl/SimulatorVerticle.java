package io.chorus.simulator.impl;

import io.chorus.simulator.SimulatorOptions;
import io.chorus.simulator.anthropic.AnthropicPlatform;
import io.chorus.simulator.llm.FaultBook;
import io.chorus.simulator.llm.FaultRoutes;
import io.chorus.simulator.openai.OpenAiPlatform;
import io.chorus.simulator.engagement.CommentRoutes;
import io.chorus.simulator.facebook.FacebookPlatform;
import io.chorus.simulator.images.OpenAiImages;
import io.chorus.simulator.images.StabilityImages;
import io.chorus.simulator.instagram.InstagramPlatform;
import io.chorus.simulator.linkedin.LinkedInPlatform;
import io.chorus.simulator.record.InspectionRoutes;
import io.chorus.simulator.record.Recorder;
import io.chorus.simulator.support.Ids;
import io.chorus.simulator.support.SimulatedPlatform;
import io.chorus.simulator.tiktok.TikTokPlatform;
import io.chorus.simulator.webhooks.WebhookRoutes;
import io.chorus.simulator.x.XPlatform;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Owns the HTTP server, so every platform's state is only touched from this verticle's event loop. */
final class SimulatorVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(SimulatorVerticle.class);
  private static final long MAX_BODY_BYTES = 10L * 1024 * 1024;

  private final SimulatorOptions options;
  private volatile int actualPort = -1;

  SimulatorVerticle(SimulatorOptions options) {
    this.options = options;
  }

  int actualPort() {
    return actualPort;
  }

  @Override
  public Future<?> start() {
    return MediaRoutes.create(vertx).compose(media -> {
      Router router = router(media);
      return vertx.createHttpServer().requestHandler(router).listen(options.getPort(), options.getHost());
    }).onSuccess(this::started);
  }

  private void started(HttpServer server) {
    actualPort = server.actualPort();
    LOG.info("Platform simulator listening on http://{}:{}", options.getHost(), actualPort);
  }

  private Router router(MediaRoutes media) {
    Ids ids = new Ids();
    Recorder recorder = new Recorder(List.of("x", "facebook", "instagram", "linkedin", "tiktok", "openai", "anthropic"));
    FaultBook faults = new FaultBook(options.getLlmFaultRate());
    List<SimulatedPlatform> platforms = List.of(
        new XPlatform(vertx, options, recorder, ids),
        new FacebookPlatform(vertx, options, recorder, ids),
        new InstagramPlatform(vertx, options, recorder, ids),
        new LinkedInPlatform(vertx, options, recorder, ids),
        new TikTokPlatform(vertx, options, recorder, ids),
        new OpenAiPlatform(vertx, options, faults),
        new AnthropicPlatform(vertx, options, faults));
    Router router = Router.router(vertx);
    router.route().handler(BodyHandler.create().setBodyLimit(MAX_BODY_BYTES));
    // The image APIs share the /openai prefix with the chat simulator, so they go first.
    router.route("/openai/v1/images/*").handler(this::delay);
    router.route("/stability/*").handler(this::delay);
    new OpenAiImages(vertx, options.getImagesPerMinute()).mount(router);
    new StabilityImages(vertx, options.getImagesPerMinute()).mount(router);
    for (SimulatedPlatform platform : platforms) {
      String prefix = "/" + platform.id() + "/*";
      router.route(prefix).handler(ctx -> recordAndDelay(ctx, recorder, platform.id()));
      router.route(prefix).subRouter(platform.router());
    }
    media.mount(router);
    new InspectionRoutes(recorder, platforms).mount(router);
    new FaultRoutes(faults).mount(router);
    new CommentRoutes(recorder, ids).mount(router);
    new WebhookRoutes(vertx).mount(router);
    return router;
  }

  /** Waits the configured latency, as a remote image generator would take its time. */
  private void delay(RoutingContext ctx) {
    if (options.getLatencyMs() > 0) {
      vertx.setTimer(options.getLatencyMs(), timer -> ctx.next());
    } else {
      ctx.next();
    }
  }

  /** Records the request once answered, then waits the configured latency before handling it. */
  private void recordAndDelay(RoutingContext ctx, Recorder recorder, String platform) {
    String method = ctx.request().method().name();
    String path = ctx.request().path();
    ctx.addEndHandler(done -> recorder.request(platform, method, path, ctx.response().getStatusCode()));
    if (options.getLatencyMs() > 0) {
      vertx.setTimer(options.getLatencyMs(), timer -> ctx.next());
    } else {
      ctx.next();
    }
  }
}
