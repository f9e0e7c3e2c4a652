package io.chorus.simulator.tiktok;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** Validation of the photo and video init bodies; each check returns the error message or null. */
final class InitRules {

  private static final int MAX_PHOTO_TITLE = 90;
  private static final int MAX_PHOTO_DESCRIPTION = 4000;
  private static final int MAX_VIDEO_TITLE = 2200;
  private static final int MAX_PHOTOS = 35;

  private InitRules() {
  }

  static String photo(JsonObject body) {
    if (!"PHOTO".equals(body.getValue("media_type"))) {
      return "media_type must be PHOTO";
    }
    Object mode = body.getValue("post_mode");
    if (!"DIRECT_POST".equals(mode) && !"MEDIA_UPLOAD".equals(mode)) {
      return "post_mode must be DIRECT_POST or MEDIA_UPLOAD";
    }
    JsonObject postInfo = object(body, "post_info");
    if (postInfo == null) {
      return "post_info is required";
    }
    if (string(postInfo, "title").length() > MAX_PHOTO_TITLE) {
      return "post_info.title is longer than " + MAX_PHOTO_TITLE + " characters";
    }
    if (string(postInfo, "description").length() > MAX_PHOTO_DESCRIPTION) {
      return "post_info.description is longer than " + MAX_PHOTO_DESCRIPTION + " characters";
    }
    return photoSource(object(body, "source_info"));
  }

  static String video(JsonObject body) {
    JsonObject postInfo = object(body, "post_info");
    if (postInfo == null) {
      return "post_info is required";
    }
    if (string(postInfo, "title").length() > MAX_VIDEO_TITLE) {
      return "post_info.title is longer than " + MAX_VIDEO_TITLE + " characters";
    }
    JsonObject source = object(body, "source_info");
    if (source == null || !"PULL_FROM_URL".equals(source.getValue("source"))) {
      return "source_info.source must be PULL_FROM_URL (the simulator does not take uploads)";
    }
    return isUrl(source.getValue("video_url")) ? null : "source_info.video_url must be an http(s) URL";
  }

  /** Privacy is only checked for direct posts, which must use one of the creator's options. */
  static boolean privacyAccepted(JsonObject body, List<String> creatorOptions) {
    if ("MEDIA_UPLOAD".equals(body.getValue("post_mode"))) {
      return true;
    }
    JsonObject postInfo = object(body, "post_info");
    return postInfo != null && creatorOptions.contains(string(postInfo, "privacy_level"));
  }

  private static String photoSource(JsonObject source) {
    if (source == null || !"PULL_FROM_URL".equals(source.getValue("source"))) {
      return "source_info.source must be PULL_FROM_URL";
    }
    JsonArray images = source.getValue("photo_images") instanceof JsonArray array ? array : new JsonArray();
    if (images.isEmpty() || images.size() > MAX_PHOTOS) {
      return "source_info.photo_images must hold 1 to " + MAX_PHOTOS + " URLs";
    }
    for (Object image : images) {
      if (!isUrl(image)) {
        return "source_info.photo_images must hold http(s) URLs";
      }
    }
    Object cover = source.getValue("photo_cover_index", 0);
    if (!(cover instanceof Number index) || index.intValue() < 0 || index.intValue() >= images.size()) {
      return "source_info.photo_cover_index must point at one of the photo_images";
    }
    return null;
  }

  static JsonObject object(JsonObject body, String key) {
    return body.getValue(key) instanceof JsonObject object ? object : null;
  }

  static String string(JsonObject body, String key) {
    return body.getValue(key) instanceof String value ? value : "";
  }

  private static boolean isUrl(Object value) {
    return value instanceof String url && (url.startsWith("http://") || url.startsWith("https://"));
  }
}
