package io.chorus.simulator.record;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Remembers the posts and requests of every simulated platform, in arrival order, so tests and
 * the demo can see what Chorus actually sent. Only touched from the simulator's event loop.
 */
public final class Recorder {

  private final List<String> platforms;
  private final List<RecordedPost> posts = new ArrayList<>();
  private final List<RecordedRequest> requests = new ArrayList<>();

  public Recorder(List<String> platforms) {
    this.platforms = List.copyOf(platforms);
  }

  public void post(String platform, String account, String id, String text, List<String> mediaUrls) {
    posts.add(new RecordedPost(platform, account, id, text, mediaUrls, Instant.now()));
  }

  public void request(String platform, String method, String path, int status) {
    requests.add(new RecordedRequest(platform, method, path, status, Instant.now()));
  }

  /** Posts of one platform, or of all when platform is null. */
  public List<RecordedPost> posts(String platform) {
    return posts.stream().filter(post -> platform == null || post.platform().equals(platform)).toList();
  }

  /** Requests of one platform, or of all when platform is null. */
  public List<RecordedRequest> requests(String platform) {
    return requests.stream().filter(req -> platform == null || req.platform().equals(platform)).toList();
  }

  public JsonObject stats() {
    JsonObject byPlatform = new JsonObject();
    for (String platform : platforms) {
      List<RecordedRequest> received = requests(platform);
      byPlatform.put(platform, new JsonObject()
          .put("posts", posts(platform).size())
          .put("requests", received.size())
          .put("rejected", received.stream().filter(RecordedRequest::rejected).count()));
    }
    return new JsonObject().put("platforms", byPlatform);
  }

  public void clear() {
    posts.clear();
    requests.clear();
  }
}
