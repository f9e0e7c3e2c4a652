package io.chorus.simulator.linkedin;

import io.chorus.simulator.support.Ids;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.HashMap;
import java.util.Map;

/**
 * LinkedIn's Images API: {@code POST /rest/images?action=initializeUpload} gives an upload URL and
 * an image URN; the bytes are then PUT to the URL. A post may only carry an image of its own
 * author whose bytes arrived.
 */
final class ImageUploads {
  private static final long UPLOAD_URL_LIFETIME_MS = 24 * 60 * 60 * 1000L;

  private static final class Image {
    final String owner;
    boolean uploaded;

    Image(String owner) {
      this.owner = owner;
    }
  }

  private final Ids ids;
  private final Map<String, Image> images = new HashMap<>();

  ImageUploads(Ids ids) {
    this.ids = ids;
  }

  /** Answers the initializeUpload action; {@code prefix} is the simulated LinkedIn's base URL. */
  void initialize(RoutingContext ctx, JsonObject body, String prefix) {
    JsonObject request = body == null ? null : body.getJsonObject("initializeUploadRequest");
    String owner = request == null ? null : request.getString("owner");
    if (owner == null || !owner.matches("urn:li:(person|organization):[A-Za-z0-9_-]+")) {
      LinkedInErrors.unprocessable(ctx, "/initializeUploadRequest/owner :: must be a person or organization URN");
      return;
    }
    String id = "C4D" + ids.next();
    images.put(id, new Image(owner));
    JsonObject value = new JsonObject()
        .put("uploadUrlExpiresAt", System.currentTimeMillis() + UPLOAD_URL_LIFETIME_MS)
        .put("uploadUrl", prefix + "/dms-uploads/" + id)
        .put("image", "urn:li:image:" + id);
    ctx.response().putHeader("Content-Type", "application/json").end(new JsonObject().put("value", value).encode());
  }

  /** The PUT of an image's bytes to its upload URL. */
  void upload(RoutingContext ctx) {
    Image image = images.get(ctx.pathParam("id"));
    if (image == null) {
      LinkedInErrors.notFound(ctx);
    } else if (ctx.body().length() == 0) {
      LinkedInErrors.badBody(ctx);
    } else {
      image.uploaded = true;
      ctx.response().setStatusCode(201).end();
    }
  }

  /** Why a post by {@code author} cannot carry the image, or null when it can. */
  String problem(String urn, String author) {
    String id = urn.startsWith("urn:li:image:") ? urn.substring("urn:li:image:".length()) : "";
    Image image = images.get(id);
    if (image == null || !image.owner.equals(author)) {
      return "/content/media/id :: " + urn + " is not an image of " + author;
    }
    return image.uploaded ? null : "/content/media/id :: the upload of " + urn + " has not completed";
  }

  void clear() {
    images.clear();
  }
}
