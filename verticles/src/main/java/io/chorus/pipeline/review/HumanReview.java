package io.chorus.pipeline.review;

import io.chorus.contracts.ChorusError;
import io.chorus.contracts.ErrorCode;
import io.chorus.contracts.PostState;
import io.chorus.contracts.pipeline.PostView;
import io.chorus.contracts.pipeline.ReviewDecision;
import io.chorus.pipeline.post.PostQueries;
import io.chorus.pipeline.post.PostTransitions;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A person's approval or rejection of a post in review. Approving re-checks the text to go out
 * (edited or not) against the brand's rules; every decision is kept in the post's history and in
 * the audit log with who made it and when.
 */
public final class HumanReview {
  private final ReviewStore store;
  private final PostTransitions transitions;
  private final PostQueries queries;
  private final ReviewOptions options;

  public HumanReview(ReviewStore store, PostTransitions transitions, PostQueries queries, ReviewOptions options) {
    this.store = store;
    this.transitions = transitions;
    this.queries = queries;
    this.options = options;
  }

  /** Applies the decision and returns the post as it now is. */
  public Future<PostView> decide(ReviewDecision decision) {
    String invalid = invalidity(decision);
    if (invalid != null) {
      return failure(ErrorCode.INVALID_REQUEST, invalid);
    }
    Optional<UUID> postId = uuid(decision.postId());
    if (postId.isEmpty()) {
      return failure(ErrorCode.NOT_FOUND, "there is no post " + decision.postId());
    }
    return store.subject(postId.get()).compose(found -> {
      if (found.isEmpty()) {
        return failure(ErrorCode.NOT_FOUND, "there is no post " + decision.postId());
      }
      ReviewStore.Subject subject = found.get();
      if (subject.state() != PostState.IN_REVIEW) {
        return failure(ErrorCode.ILLEGAL_TRANSITION, "post " + decision.postId() + " is " + subject.state()
            + "; only a post IN_REVIEW can be " + (decision.approve() ? "approved" : "rejected"));
      }
      return decision.approve() ? approve(subject, decision) : reject(subject, decision);
    });
  }

  private Future<PostView> approve(ReviewStore.Subject subject, ReviewDecision decision) {
    String text = decision.editedText() == null ? subject.text() : decision.editedText();
    return store.recentPosts(List.of(subject.accountId()), options.recentPosts()).compose(recent -> {
      Candidate candidate = new Candidate(text, recent.getOrDefault(subject.accountId(), List.of()));
      List<Violation> violations = ReviewRules.of(subject.rules(), subject.campaign(), options).check(candidate);
      if (!violations.isEmpty()) {
        String whose = decision.editedText() == null ? "the post's text" : "the edited text";
        return failure(ErrorCode.INVALID_REQUEST, whose + " breaks the brand's rules: "
            + ReviewRules.explain(violations));
      }
      String detail = "approved by " + decision.actor()
          + (decision.editedText() == null ? "" : " with the text edited")
          + (isBlank(decision.reason()) ? "" : ": " + decision.reason());
      return apply(subject, PostState.APPROVED, decision.editedText(), detail, decision, "review.approve");
    });
  }

  private Future<PostView> reject(ReviewStore.Subject subject, ReviewDecision decision) {
    String detail = "rejected by " + decision.actor() + ": " + decision.reason();
    return apply(subject, PostState.REJECTED, null, detail, decision, "review.reject");
  }

  private Future<PostView> apply(ReviewStore.Subject subject, PostState to, String editedText, String detail,
      ReviewDecision decision, String action) {
    JsonObject audit = new JsonObject().put("from", PostState.IN_REVIEW.name()).put("to", to.name())
        .put("reason", decision.reason());
    if (editedText != null) {
      audit.put("previousText", subject.text()).put("text", editedText);
    }
    return store.decide(subject.id(), to, editedText, detail, decision.actor(), action, audit)
        .compose(rows -> {
          if (transitions.announce(rows).isEmpty()) {
            // Someone else decided, or the post was cancelled, between our read and our move.
            return failure(ErrorCode.ILLEGAL_TRANSITION, "post " + subject.id() + " is no longer in review");
          }
          return queries.find(subject.id());
        });
  }

  /** What is wrong with the decision as a request, or null when it is well-formed. */
  private static String invalidity(ReviewDecision decision) {
    if (decision == null || decision.postId() == null) {
      return "postId is required";
    }
    if (isBlank(decision.actor())) {
      return "actor is required: a decision records who made it";
    }
    if (!decision.approve() && isBlank(decision.reason())) {
      return "a reason is required to reject a post";
    }
    if (decision.approve() && decision.editedText() != null && decision.editedText().isBlank()) {
      return "the edited text must not be blank";
    }
    return null;
  }

  private static Optional<UUID> uuid(String id) {
    try {
      return Optional.of(UUID.fromString(id));
    } catch (IllegalArgumentException notAPostId) {
      return Optional.empty();
    }
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }

  private static <T> Future<T> failure(ErrorCode code, String message) {
    return Future.failedFuture(ChorusError.of(code, message).exception());
  }
}
