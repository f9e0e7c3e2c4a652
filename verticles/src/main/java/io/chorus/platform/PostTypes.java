package io.chorus.platform;

import io.chorus.contracts.ChorusError;
import io.chorus.contracts.ChorusException;
import io.chorus.contracts.ErrorCode;
import io.chorus.contracts.Platform;
import io.chorus.contracts.platform.PostType;
import io.chorus.contracts.platform.PublishRequest;
import io.vertx.core.Future;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which post types each platform takes, the one a post without a type gets from its media, and
 * the media each type needs. Videos are told from images by their file extension.
 */
public final class PostTypes {
  private static final Map<Platform, Set<PostType>> ACCEPTED = Map.of(
      Platform.X, EnumSet.of(PostType.TEXT, PostType.THREAD, PostType.IMAGE),
      Platform.FACEBOOK, EnumSet.of(PostType.TEXT, PostType.LINK, PostType.IMAGE, PostType.SCHEDULED),
      Platform.INSTAGRAM, EnumSet.of(PostType.IMAGE, PostType.CAROUSEL, PostType.REEL, PostType.STORY),
      Platform.LINKEDIN, EnumSet.of(PostType.TEXT, PostType.LINK, PostType.IMAGE),
      Platform.TIKTOK, EnumSet.of(PostType.IMAGE, PostType.VIDEO));
  private static final Pattern LINK = Pattern.compile("https?://[^\\s]*[^\\s.,;:!?)\\]}'\"…]", Pattern.CASE_INSENSITIVE);
  private static final List<String> VIDEO_EXTENSIONS = List.of(".mp4", ".mov", ".m4v", ".webm");

  private PostTypes() {}

  /** The types the platform takes. */
  public static Set<PostType> accepted(Platform platform) {
    return ACCEPTED.get(platform);
  }

  /**
   * The request's type, or the one its media call for: text where text is the norm (X, Facebook,
   * LinkedIn), on Instagram a reel for videos only, a carousel for several images, else an image,
   * and on TikTok a video when there is one, else a photo post.
   *
   * @throws io.chorus.contracts.ChorusException INVALID_REQUEST when the platform has no such type
   */
  public static PostType of(Platform platform, PostType requested, List<String> mediaUrls) {
    if (requested != null) {
      if (!accepted(platform).contains(requested)) {
        throw ChorusError.of(ErrorCode.INVALID_REQUEST, platform.id() + " has no post type '" + requested.id()
            + "'; it takes " + accepted(platform).stream().map(PostType::id).toList()).exception();
      }
      return requested;
    }
    List<String> images = images(mediaUrls);
    List<String> videos = videos(mediaUrls);
    return switch (platform) {
      case X, FACEBOOK, LINKEDIN -> PostType.TEXT;
      case INSTAGRAM -> images.isEmpty() && !videos.isEmpty() ? PostType.REEL
          : images.size() > 1 ? PostType.CAROUSEL : PostType.IMAGE;
      case TIKTOK -> videos.isEmpty() ? PostType.IMAGE : PostType.VIDEO;
    };
  }

  /** The request's type as {@link #of(Platform, PostType, List)} decides it, or the INVALID_REQUEST failure. */
  public static Future<PostType> of(Platform platform, PublishRequest request) {
    try {
      return Future.succeededFuture(of(platform, request.postType(), request.mediaUrls()));
    } catch (ChorusException refused) {
      return Future.failedFuture(refused);
    }
  }

  public static boolean isVideo(String url) {
    String path = url.toLowerCase(Locale.ROOT).replaceAll("[?#].*$", "");
    return VIDEO_EXTENSIONS.stream().anyMatch(path::endsWith);
  }

  public static List<String> images(List<String> mediaUrls) {
    return mediaUrls.stream().filter(url -> !isVideo(url)).toList();
  }

  public static List<String> videos(List<String> mediaUrls) {
    return mediaUrls.stream().filter(PostTypes::isVideo).toList();
  }

  /** The first http(s) link in the text, without the punctuation that may follow it, or null. */
  public static String firstLink(String text) {
    Matcher link = LINK.matcher(text);
    return link.find() ? link.group() : null;
  }

  /** A permanent refusal for a post that lacks the media its type needs. */
  public static ChorusError missingMedia(Platform platform, PostType type, String postId, String needs) {
    return ChorusError.of(ErrorCode.INVALID_REQUEST,
        "a " + platform.id() + " " + type.id() + " post needs " + needs + "; post " + postId + " has none");
  }
}
