package io.chorus.web.media;

import io.chorus.contracts.Addresses;
import io.chorus.contracts.ChorusError;
import io.chorus.contracts.ErrorCode;
import io.chorus.contracts.content.MediaFile;
import io.chorus.contracts.content.MediaQuery;
import io.chorus.web.problem.Problems;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.util.Base64;
import java.util.UUID;

/**
 * {@code GET /media/{id}} (and HEAD): a stored image, for platforms to fetch. Unauthenticated,
 * since platforms fetch it with no Chorus token; a stored file never changes, so it is cached for
 * good and revalidated by its SHA-256 as ETag.
 */
public final class MediaHandler implements Handler<RoutingContext> {
  private static final String IMMUTABLE = "public, max-age=31536000, immutable";

  private final EventBus bus;
  private final DeliveryOptions delivery;

  private MediaHandler(EventBus bus, long requestTimeoutMs) {
    this.bus = bus;
    this.delivery = new DeliveryOptions().setSendTimeout(requestTimeoutMs);
  }

  public static MediaHandler create(EventBus bus, long requestTimeoutMs) {
    return new MediaHandler(bus, requestTimeoutMs);
  }

  @Override
  public void handle(RoutingContext rc) {
    String id = rc.pathParam("id");
    try {
      UUID.fromString(id);
    } catch (IllegalArgumentException notAnId) {
      Problems.send(rc, Problems.fromFailure(ChorusError.of(ErrorCode.NOT_FOUND, "there is no media " + id).exception()));
      return;
    }
    bus.<MediaFile>request(Addresses.CONTENT_MEDIA, new MediaQuery(id), delivery)
        .onSuccess(reply -> send(rc, reply.body()))
        .onFailure(failure -> Problems.send(rc, Problems.fromFailure(failure)));
  }

  private static void send(RoutingContext rc, MediaFile file) {
    String etag = "\"" + file.sha256() + "\"";
    rc.response().putHeader(HttpHeaders.ETAG, etag).putHeader(HttpHeaders.CACHE_CONTROL, IMMUTABLE);
    if (etag.equals(rc.request().getHeader(HttpHeaders.IF_NONE_MATCH))) {
      rc.response().setStatusCode(304).end();
      return;
    }
    byte[] bytes = Base64.getDecoder().decode(file.base64());
    rc.response().putHeader(HttpHeaders.CONTENT_TYPE, file.contentType())
        .putHeader(HttpHeaders.CONTENT_LENGTH, Integer.toString(bytes.length));
    if (rc.request().method() == HttpMethod.HEAD) {
      rc.response().end();
    } else {
      rc.response().end(Buffer.buffer(bytes));
    }
  }
}
