package io.chorus.platform;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Reads an account's recent posts page by page, newest first, until a page reaches back past the
 * time asked for, the platform has no more, or {@link #MAX_PAGES} pages were read.
 */
public final class RecentPages {
  /** Reconciliation looks back minutes, not years: a bound keeps one look cheap on a busy account. */
  public static final int MAX_PAGES = 10;

  /**
   * One page of posts.
   *
   * @param next the platform's cursor of the following page, or null when this one is the last
   */
  public record Page(List<RecentPost> posts, String next) {}

  private RecentPages() {}

  /** The posts created at or after {@code since}, reading pages with {@code fetch} (given null for the first). */
  public static Future<List<RecentPost>> collect(Function<String, Future<Page>> fetch, Instant since) {
    return collect(fetch, since, null, 1, new ArrayList<>());
  }

  private static Future<List<RecentPost>> collect(
      Function<String, Future<Page>> fetch, Instant since, String cursor, int pageNumber, List<RecentPost> found) {
    return fetch.apply(cursor).compose(page -> {
      boolean reachedBack = false;
      for (RecentPost post : page.posts()) {
        if (post.createdAt() != null && post.createdAt().isBefore(since)) {
          reachedBack = true;
        } else {
          found.add(post);
        }
      }
      if (reachedBack || page.next() == null || page.posts().isEmpty() || pageNumber >= MAX_PAGES) {
        return Future.succeededFuture(found);
      }
      return collect(fetch, since, page.next(), pageNumber + 1, found);
    });
  }
}
