package io.chorus.content.image;

import io.chorus.contracts.Addresses;
import io.chorus.contracts.ChorusError;
import io.chorus.contracts.ErrorCode;
import io.chorus.contracts.content.ImageRequest;
import io.chorus.contracts.content.MediaFile;
import io.chorus.contracts.content.MediaQuery;
import io.chorus.contracts.content.StoredImage;
import io.chorus.platform.BreakerSettings;
import io.chorus.storage.Database;
import io.chorus.storage.DatabaseOptions;
import io.vertx.circuitbreaker.CircuitBreaker;
import io.vertx.circuitbreaker.CircuitBreakerOptions;
import io.vertx.circuitbreaker.OpenCircuitException;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.ext.web.client.WebClient;
import io.vertx.sqlclient.Pool;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts' images on {@link Addresses#CONTENT_IMAGE}: generated from the campaign's image prompt when
 * {@code content.images.provider} names a generator (behind its own circuit breaker), otherwise
 * imported once from the campaign's media library; either way stored in the media table. Also
 * reads stored files back on {@link Addresses#CONTENT_MEDIA} for {@code GET /media/{id}}.
 */
public final class ImageVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(ImageVerticle.class);

  private ImageOptions options;
  private Pool pool;
  private WebClient web;
  private MediaStore store;
  private ImageGenerator generator;
  private CircuitBreaker breaker;

  @Override
  public Future<?> start() {
    options = ImageOptions.fromConfig(config());
    pool = Database.pool(vertx, DatabaseOptions.fromConfig(config()));
    web = WebClient.create(vertx);
    store = new MediaStore(pool);
    if (options.generates()) {
      generator = ImageGenerator.create(web, options);
      BreakerSettings settings = BreakerSettings.fromConfig(config());
      breaker = CircuitBreaker.create("images-" + generator.source(), vertx, new CircuitBreakerOptions()
              .setMaxFailures(settings.maxFailures()).setResetTimeout(settings.resetMs()).setTimeout(-1))
          .openHandler(open -> LOG.warn("Image generator {} breaker open", generator.source()))
          .closeHandler(closed -> LOG.info("Image generator {} breaker closed", generator.source()))
          // Only outages count against the provider; a refused prompt or a quota wait does not.
          .failurePolicy(result -> result.failed() && ChorusError.from(result.cause()).code() == ErrorCode.PROVIDER_UNAVAILABLE);
    }
    return Future.all(
            vertx.eventBus().<ImageRequest>consumer(Addresses.CONTENT_IMAGE, this::image).completion(),
            vertx.eventBus().<MediaQuery>consumer(Addresses.CONTENT_MEDIA, this::media).completion())
        .onSuccess(done -> LOG.info("Images from {}", options.generates() ? generator.source() : "media libraries only"));
  }

  @Override
  public Future<?> stop() {
    if (breaker != null) {
      breaker.close();
    }
    web.close();
    return pool.close();
  }

  private void image(Message<ImageRequest> message) {
    ImageRequest request = message.body();
    if (request == null || request.brandId() == null || request.campaignId() == null) {
      ChorusError.of(ErrorCode.INVALID_REQUEST, "brandId and campaignId are required").failReply(message);
      return;
    }
    boolean prompted = request.prompt() != null && !request.prompt().isBlank();
    Future<StoredImage> image;
    if (prompted && options.generates()) {
      image = generated(request);
    } else if (!request.library().isEmpty()) {
      image = fromLibrary(request);
    } else {
      image = Future.failedFuture(ChorusError.of(ErrorCode.INVALID_REQUEST, prompted
          ? "the campaign asks for a generated image but content.images.provider is none; set it or give the campaign media"
          : "the campaign has neither media nor an imagePrompt").exception());
    }
    image.onComplete(result -> reply(message, result));
  }

  private Future<StoredImage> generated(ImageRequest request) {
    return breaker.<byte[]>execute(promise -> generator.generate(request.prompt(), request.seed()).onComplete(promise))
        .recover(failure -> Future.failedFuture(failure instanceof OpenCircuitException
            ? ChorusError.of(ErrorCode.PROVIDER_UNAVAILABLE, "image generator " + generator.source()
                + " is failing; its circuit breaker is open").exception()
            : failure))
        .compose(file -> store.store(request.brandId(), request.campaignId(), generator.source(), null,
            request.prompt(), file));
  }

  /** The library file the seed picks, imported from {@code media.baseUrl} the first time a campaign uses it. */
  private Future<StoredImage> fromLibrary(ImageRequest request) {
    String name = request.library().get((int) Math.floorMod(request.seed(), (long) request.library().size()));
    return store.libraryFile(request.brandId(), request.campaignId(), name).compose(known -> known.isPresent()
        ? Future.succeededFuture(known.get())
        : download(name).compose(file -> store.store(request.brandId(), request.campaignId(), "library", name, null,
            file)));
  }

  private Future<byte[]> download(String name) {
    String url = name.startsWith("http://") || name.startsWith("https://")
        ? name
        : options.libraryBaseUrl().replaceAll("/+$", "") + "/" + name;
    return web.getAbs(url).timeout(options.timeoutMs()).send()
        .recover(failure -> Future.failedFuture(ChorusError.of(ErrorCode.PROVIDER_UNAVAILABLE,
            "media library file " + url + " unreachable: " + failure.getMessage()).exception()))
        .compose(response -> response.statusCode() == 200
            ? Future.succeededFuture(response.bodyAsBuffer().getBytes())
            : Future.failedFuture(ChorusError.of(response.statusCode() >= 500
                ? ErrorCode.PROVIDER_UNAVAILABLE : ErrorCode.NOT_FOUND,
                "media library file " + url + " answered " + response.statusCode()).exception()));
  }

  private void media(Message<MediaQuery> message) {
    UUID id;
    try {
      id = UUID.fromString(message.body().mediaId());
    } catch (RuntimeException notAnId) {
      ChorusError.of(ErrorCode.NOT_FOUND, "there is no media " + message.body()).failReply(message);
      return;
    }
    store.file(id).<MediaFile>compose(file -> file
            .map(Future::succeededFuture)
            .orElseGet(() -> Future.failedFuture(ChorusError.of(ErrorCode.NOT_FOUND, "there is no media " + id).exception())))
        .onComplete(result -> reply(message, result));
  }

  private static void reply(Message<?> message, AsyncResult<?> result) {
    if (result.succeeded()) {
      message.reply(result.result());
      return;
    }
    Throwable cause = result.cause();
    ChorusError error = cause instanceof IllegalArgumentException notAnImage
        ? ChorusError.of(ErrorCode.INVALID_REQUEST, "the file is " + notAnImage.getMessage())
        : ChorusError.from(cause);
    error.failReply(message);
  }
}
