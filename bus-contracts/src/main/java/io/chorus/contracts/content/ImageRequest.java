package io.chorus.contracts.content;

import io.chorus.contracts.Platform;
import java.util.List;

/**
 * Ask the Content side for one post's image: generated from {@code prompt} when an image provider
 * is configured, otherwise taken from the campaign's media {@code library}.
 *
 * @param library the campaign's media file names, as configured under {@code media}
 * @param seed picks the library file, so a post keeps its image when asked again
 */
public record ImageRequest(
    String postId,
    String brandId,
    String campaignId,
    Platform platform,
    String prompt,
    List<String> library,
    long seed) {

  public ImageRequest {
    library = List.copyOf(library);
  }
}
