package io.chorus.simulator.record;

import io.chorus.simulator.engagement.CommentStore;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Remembers the posts and requests of every simulated platform, in arrival order, so tests and
 * the demo can see what Chorus actually sent. Only touched from the simulator's event loop.
 */
public final class Recorder {

  /** A demo left running for days polls statuses forever; only the most recent entries are kept. */
  private static final int MAX_ENTRIES = 10_000;
  /** Insights are served for this many of the latest posts, about a month of a busy demo. */
  private static final int MAX_POSTS_BY_ID = 100_000;

  private final Deque<RecordedPost> posts = new ArrayDeque<>();
  private final Deque<RecordedRequest> requests = new ArrayDeque<>();
  /** Posts by platform and id, for insights and comments; bounded like the lists, eldest first out. */
  private final Map<String, RecordedPost> byId = new LinkedHashMap<>() {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, RecordedPost> eldest) {
      return size() > MAX_POSTS_BY_ID;
    }
  };
  private final CommentStore comments = new CommentStore();
  /** Totals survive the trimming above, so stats stay exact. */
  private final Map<String, long[]> totals = new LinkedHashMap<>();

  public Recorder(List<String> platforms) {
    platforms.forEach(platform -> totals.put(platform, new long[3]));
  }

  public void post(String platform, String account, String id, String text, List<String> mediaUrls) {
    post(platform, account, id, text, mediaUrls, RecordedPost.POST, null, null);
  }

  /** Records a post of a given kind, replying to another or public only from {@code publishAt}. */
  public void post(String platform, String account, String id, String text, List<String> mediaUrls, String kind,
      String inReplyTo, Instant publishAt) {
    RecordedPost post = new RecordedPost(platform, account, id, text, mediaUrls, Instant.now(), kind, inReplyTo, publishAt);
    keep(posts, post);
    byId.put(platform + "\n" + id, post);
    count(platform, 0);
  }

  /** Whether a post with this id was recorded on the platform (and is still remembered). */
  public boolean has(String platform, String id) {
    return posts.stream().anyMatch(post -> post.platform().equals(platform) && post.id().equals(id));
  }

  public void request(String platform, String method, String path, int status) {
    RecordedRequest request = new RecordedRequest(platform, method, path, status, Instant.now());
    keep(requests, request);
    count(platform, 1);
    if (request.rejected()) {
      count(platform, 2);
    }
  }

  /** Posts of one platform, or of all when platform is null. */
  public List<RecordedPost> posts(String platform) {
    return posts.stream().filter(post -> platform == null || post.platform().equals(platform)).toList();
  }

  /** Requests of one platform, or of all when platform is null. */
  public List<RecordedRequest> requests(String platform) {
    return requests.stream().filter(req -> platform == null || req.platform().equals(platform)).toList();
  }

  /** The public posts one account made on one platform, newest first, as its timeline or feed lists them. */
  public List<RecordedPost> recent(String platform, String account) {
    List<RecordedPost> found = new ArrayList<>();
    Instant now = Instant.now();
    posts.descendingIterator().forEachRemaining(post -> {
      if (post.platform().equals(platform) && post.account().equals(account) && post.visible(now)) {
        found.add(post);
      }
    });
    return found;
  }

  /** A post of one platform by its id, while it is among the latest ones kept. */
  public Optional<RecordedPost> find(String platform, String id) {
    return Optional.ofNullable(byId.get(platform + "\n" + id));
  }

  /** The comments on every platform's posts. */
  public CommentStore comments() {
    return comments;
  }

  public JsonObject stats() {
    JsonObject byPlatform = new JsonObject();
    totals.forEach((platform, counts) -> byPlatform.put(platform, new JsonObject()
        .put("posts", counts[0])
        .put("requests", counts[1])
        .put("rejected", counts[2])));
    return new JsonObject().put("platforms", byPlatform);
  }

  public void clear() {
    posts.clear();
    requests.clear();
    byId.clear();
    comments.clear();
    totals.values().forEach(counts -> Arrays.fill(counts, 0));
  }

  private static <T> void keep(Deque<T> entries, T entry) {
    entries.addLast(entry);
    if (entries.size() > MAX_ENTRIES) {
      entries.removeFirst();
    }
  }

  private void count(String platform, int index) {
    totals.computeIfAbsent(platform, p -> new long[3])[index]++;
  }
}
