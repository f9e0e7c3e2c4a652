package io.chorus.platform.insights;

import io.chorus.contracts.ChorusError;
import io.chorus.contracts.ErrorCode;
import io.chorus.contracts.Platform;
import io.chorus.contracts.metrics.CollectRequest;
import io.chorus.contracts.metrics.CollectResult;
import io.chorus.contracts.metrics.CollectResult.PostMetrics;
import io.chorus.contracts.platform.PlatformEvent;
import io.chorus.contracts.platform.PlatformEventHandled;
import io.chorus.platform.PlatformAccount;
import io.chorus.platform.engagement.CommentsClient;
import io.vertx.core.Future;
import io.vertx.core.eventbus.Message;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A platform agent's {@code collect} verb: reads the insights of the posts asked about, per
 * account and in the largest batches the platform allows, through the agent's breaker; then, for
 * posts whose comment count grew since the last collection, looks for the new comments and hands
 * them to the agent's engagement handler.
 */
public final class CollectHandler {
  private static final Logger LOG = LoggerFactory.getLogger(CollectHandler.class);

  private final Platform platform;
  private final Map<String, PlatformAccount> accounts;
  private final InsightsClient insights;
  private final CommentsClient comments;
  private final PlatformCalls calls;
  private final Function<PlatformEvent, Future<PlatformEventHandled>> onComment;
  private final boolean findComments;
  private final Function<PlatformAccount, Future<PlatformAccount>> withCurrentToken;

  /**
   * @param withCurrentToken the account with the access token to use now (renewed tokens replace
   *     the configured one)
   * @param onComment what the agent does with a comment found (its engagement handler)
   * @param findComments whether to look for comments at all ({@code metrics.collect.findComments})
   */
  public CollectHandler(Platform platform, Map<String, PlatformAccount> accounts,
      Function<PlatformAccount, Future<PlatformAccount>> withCurrentToken, InsightsClient insights,
      CommentsClient comments, PlatformCalls calls, Function<PlatformEvent, Future<PlatformEventHandled>> onComment,
      boolean findComments) {
    this.platform = platform;
    this.withCurrentToken = withCurrentToken;
    this.accounts = accounts;
    this.insights = insights;
    this.comments = comments;
    this.calls = calls;
    this.onComment = onComment;
    this.findComments = findComments && comments.supported();
  }

  public void handle(Message<CollectRequest> message) {
    if (message.body() == null) {
      ChorusError.of(ErrorCode.INVALID_REQUEST, "a collect request needs a body").failReply(message);
      return;
    }
    collect(message.body()).onSuccess(message::reply)
        .onFailure(failure -> ChorusError.from(failure).failReply(message));
  }

  /** Reads every post asked about; posts of unknown or foreign accounts come back as failed. */
  public Future<CollectResult> collect(CollectRequest request) {
    Map<String, List<CollectRequest.Target>> byAccount = request.posts().stream()
        .collect(Collectors.groupingBy(CollectRequest.Target::accountId, LinkedHashMap::new, Collectors.toList()));
    List<String> failed = new ArrayList<>();
    List<Future<Batch>> batches = new ArrayList<>();
    byAccount.forEach((accountId, targets) -> {
      PlatformAccount account = accounts.get(accountId);
      if (account == null || account.platform() != platform) {
        targets.forEach(target -> failed.add(target.postId()));
        return;
      }
      for (int from = 0; from < targets.size(); from += insights.maxBatch()) {
        List<CollectRequest.Target> chunk = targets.subList(from, Math.min(targets.size(), from + insights.maxBatch()));
        batches.add(read(account, chunk));
      }
    });
    return Future.all(batches).map(all -> {
      Instant at = Instant.now();
      List<PostMetrics> collected = new ArrayList<>();
      List<String> missing = new ArrayList<>();
      for (Future<Batch> done : batches) {
        Batch batch = done.result();
        List<CollectRequest.Target> grown = new ArrayList<>();
        for (CollectRequest.Target target : batch.targets()) {
          Map<String, Long> values = batch.read().values().get(target.externalId());
          if (values != null) {
            collected.add(new PostMetrics(target.postId(), target.externalId(), at, values));
            if (values.getOrDefault(Metric.COMMENTS, 0L) > target.knownComments()) {
              grown.add(target);
            }
          } else if (batch.read().missing().contains(target.externalId())) {
            missing.add(target.postId());
          } else {
            failed.add(target.postId());
          }
        }
        lookForComments(batch.account(), grown);
      }
      return new CollectResult(collected, missing, failed);
    });
  }

  private record Batch(PlatformAccount account, List<CollectRequest.Target> targets, InsightsRead read) {}

  private Future<Batch> read(PlatformAccount account, List<CollectRequest.Target> targets) {
    Map<String, Instant> posts = published(targets);
    return withCurrentToken.apply(account).compose(current -> calls.call(() -> insights.read(current, posts)))
        .recover(failure -> {
          LOG.warn("insights of {} post(s) of {} not read: {}", targets.size(), account.id(),
              ChorusError.from(failure).message());
          return Future.succeededFuture(InsightsRead.failed(List.copyOf(posts.keySet())));
        })
        .map(read -> new Batch(account, targets, read));
  }

  /** Hands the comments found on posts whose count grew to the engagement handler; failures are only logged. */
  private void lookForComments(PlatformAccount account, List<CollectRequest.Target> grown) {
    if (!findComments || grown.isEmpty()) {
      return;
    }
    withCurrentToken.apply(account).compose(current -> calls.call(() -> comments.comments(current, published(grown))))
        .onFailure(failure -> LOG.warn("comments of {} not read: {}", account.id(), ChorusError.from(failure).message()))
        .onSuccess(events -> events.forEach(event -> onComment.apply(event).onFailure(failure ->
            LOG.warn("comment {} on {} not handled: {}", event.externalId(), platform.id(),
                ChorusError.from(failure).message()))));
  }

  private static Map<String, Instant> published(List<CollectRequest.Target> targets) {
    Map<String, Instant> posts = new LinkedHashMap<>();
    targets.forEach(target -> posts.put(target.externalId(), target.publishedAt()));
    return posts;
  }
}
