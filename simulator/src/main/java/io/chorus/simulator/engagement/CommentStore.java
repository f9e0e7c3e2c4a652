package io.chorus.simulator.engagement;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The comments of every simulated platform, in arrival order. Only touched from the simulator's event loop. */
public final class CommentStore {
  /** A demo left running for days keeps only the most recent comments. */
  private static final int MAX_COMMENTS = 10_000;

  private final Map<String, Comment> byKey = new LinkedHashMap<>() {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Comment> eldest) {
      return size() > MAX_COMMENTS;
    }
  };

  /** Adds a comment with the given id. */
  public Comment add(String platform, String id, String postId, String parentId, String account, String author,
      String text, boolean byAccount) {
    Comment comment = new Comment(platform, id, postId, parentId, account, author, text, Instant.now(), byAccount);
    byKey.put(key(platform, id), comment);
    return comment;
  }

  public Optional<Comment> find(String platform, String id) {
    return Optional.ofNullable(byKey.get(key(platform, id)));
  }

  /** Comments under one post, oldest first; top-level only unless {@code withReplies}. */
  public List<Comment> onPost(String platform, String postId, boolean withReplies) {
    return byKey.values().stream()
        .filter(c -> c.platform().equals(platform) && c.postId().equals(postId))
        .filter(c -> withReplies || c.parentId() == null)
        .toList();
  }

  /** Direct replies to one comment, oldest first. */
  public List<Comment> replies(String platform, String commentId) {
    return byKey.values().stream()
        .filter(c -> c.platform().equals(platform) && commentId.equals(c.parentId()))
        .toList();
  }

  /** Comments on one account's posts written by others, oldest first: what its mentions timeline shows. */
  public List<Comment> toAccount(String platform, String account) {
    return byKey.values().stream()
        .filter(c -> c.platform().equals(platform) && c.account().equals(account) && !c.byAccount())
        .toList();
  }

  /** Every comment of a platform, or of all when platform is null. */
  public List<Comment> all(String platform) {
    return new ArrayList<>(byKey.values().stream().filter(c -> platform == null || c.platform().equals(platform)).toList());
  }

  /** How many comments, replies included, a post has received from others. */
  public long audienceCount(String platform, String postId) {
    return onPost(platform, postId, true).stream().filter(c -> !c.byAccount()).count();
  }

  public void clear() {
    byKey.clear();
  }

  private static String key(String platform, String id) {
    return platform + "\n" + id;
  }
}
