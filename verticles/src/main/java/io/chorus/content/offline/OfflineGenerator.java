package io.chorus.content.offline;

import io.chorus.contracts.content.GenerateRequest;
import java.util.Objects;
import java.util.Random;

/**
 * Writes platform-styled posts from a campaign brief with no LLM at all, so Chorus runs with no
 * provider account; the same configured seed, request seed, angle and campaign inputs always give
 * the same text. Posts vary in angle, opening, sentence frames, order and shape, so an account's
 * stream does not read like one template repeated.
 */
public final class OfflineGenerator {
  /** The provider name reported with offline text. */
  public static final String PROVIDER = "offline";
  /** The model name reported with offline text; bump it when the phrase banks change what a seed writes. */
  public static final String MODEL = "offline-v2";

  private final long seed;

  private OfflineGenerator(long seed) {
    this.seed = seed;
  }

  /** A generator whose posts are fixed by this seed together with each request's own seed. */
  public static OfflineGenerator create(long seed) {
    return new OfflineGenerator(seed);
  }

  /**
   * One post's text for the request's platform, from the request's angle when it names one of
   * {@link Angle#ids()} that the campaign can support (a trend angle needs trends, a fact angle key
   * messages), otherwise from an angle the seed picks.
   *
   * @throws IllegalArgumentException if the request has no platform or a blank brief
   */
  public String write(GenerateRequest request) {
    if (request.platform() == null) {
      throw new IllegalArgumentException("platform is required");
    }
    if (request.brief() == null || request.brief().isBlank()) {
      throw new IllegalArgumentException("brief is required");
    }
    Random random = new Random(seedFor(request));
    return Layouts.compose(new Draft(request.platform(), request.postType(), Brief.of(request), Angle.of(request.angle()).orElse(null), random));
  }

  /**
   * Mixes the configured seed, the request's seed and the content of the request (not its ids, so
   * the same campaign writes the same way for every post id). Only hash codes the Java spec fixes
   * (String, List) are used, so a seed writes the same text on every JVM.
   */
  private long seedFor(GenerateRequest request) {
    int content = Objects.hash(request.platform().id(), request.brief(), request.voice(),
        request.keyMessages(), request.hashtags(), request.trends(), request.callToAction(), request.angle());
    return mix(mix(mix(seed) ^ request.seed()) ^ content);
  }

  /** The SplitMix64 finalizer: nearby seeds give unrelated streams from java.util.Random. */
  private static long mix(long value) {
    long z = value + 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
