package io.chorus.simulator.instagram;

import io.chorus.simulator.meta.GraphParams;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What a container creation must hold for its media type; each check returns Graph's message or null. */
final class ContainerRules {

  static final Set<String> MEDIA_TYPES = Set.of("IMAGE", "REELS", "STORIES", "CAROUSEL");
  private static final int MIN_CHILDREN = 2;
  private static final int MAX_CHILDREN = 10;

  private ContainerRules() {
  }

  /** The media type asked for: IMAGE when none is named (VIDEO is no longer one). */
  static String mediaType(GraphParams params) {
    return params.get("media_type", "IMAGE");
  }

  static String violation(GraphParams params, String igUserId, Map<String, Container> containers) {
    String type = mediaType(params);
    String image = params.get("image_url");
    String video = params.get("video_url");
    if (!MEDIA_TYPES.contains(type)) {
      return "Param media_type must be one of " + MEDIA_TYPES + " (VIDEO is no longer supported; use REELS)";
    }
    return switch (type) {
      case "REELS" -> video == null || image != null ? "Reels need video_url and no image_url" : null;
      case "STORIES" -> (image == null) == (video == null) ? "Stories need one of image_url or video_url" : null;
      case "CAROUSEL" -> image != null || video != null ? "A carousel takes children, not image_url or video_url"
          : children(params, igUserId, containers);
      default -> image == null ? "The parameter image_url is required"
          : video != null ? "An image container takes image_url, not video_url" : null;
    };
  }

  private static String children(GraphParams params, String igUserId, Map<String, Container> containers) {
    List<String> ids = childIds(params);
    if (ids.size() < MIN_CHILDREN || ids.size() > MAX_CHILDREN) {
      return "Param children must list " + MIN_CHILDREN + " to " + MAX_CHILDREN + " container ids";
    }
    for (String id : ids) {
      Container child = containers.get(id);
      if (child == null || !child.igUserId.equals(igUserId)) {
        return "Param children holds " + id + ", which is not a container of this account";
      }
      if (!child.carouselItem || child.inCarousel()) {
        return "Param children holds " + id + ", which is not a free carousel item (is_carousel_item=true)";
      }
    }
    return null;
  }

  static List<String> childIds(GraphParams params) {
    String children = params.get("children", "");
    return children.isBlank() ? List.of() : Arrays.stream(children.split(",")).map(String::trim).toList();
  }
}
