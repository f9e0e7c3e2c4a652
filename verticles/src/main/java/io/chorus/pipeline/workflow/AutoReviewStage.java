package io.chorus.pipeline.workflow;

import io.chorus.contracts.PostState;
import io.chorus.pipeline.post.Move;
import io.vertx.core.Future;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * IN_REVIEW to APPROVED or REJECTED by the brand's rules: a post using one of the brand's banned
 * words is rejected with the words named.
 */
final class AutoReviewStage implements Stage {

  @Override
  public PostState from() {
    return PostState.IN_REVIEW;
  }

  @Override
  public Future<List<Move>> work(List<StagePost> posts) {
    return Future.succeededFuture(posts.stream().map(AutoReviewStage::review).toList());
  }

  private static Move review(StagePost post) {
    List<String> used = post.bannedWords().stream().filter(word -> uses(post.text(), word)).toList();
    if (used.isEmpty()) {
      return Move.of(post.id(), PostState.IN_REVIEW, PostState.APPROVED).withDetail("brand rules passed");
    }
    return Move.of(post.id(), PostState.IN_REVIEW, PostState.REJECTED)
        .withDetail("uses banned words: " + String.join(", ", used));
  }

  private static boolean uses(String text, String word) {
    Pattern whole = Pattern.compile("\\b" + Pattern.quote(word.toLowerCase(Locale.ROOT)) + "\\b");
    return text != null && whole.matcher(text.toLowerCase(Locale.ROOT)).find();
  }
}
