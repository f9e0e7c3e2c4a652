package io.chorus.pipeline.command;

import io.chorus.contracts.ChorusError;
import io.chorus.contracts.ErrorCode;
import io.chorus.contracts.PostState;
import io.chorus.contracts.pipeline.PostAction;
import io.chorus.contracts.pipeline.PostCommand;
import io.chorus.contracts.pipeline.PostView;
import io.chorus.pipeline.post.Move;
import io.chorus.pipeline.post.PostQueries;
import io.chorus.pipeline.post.PostTransitions;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * An operator's requeue, cancel or reschedule of one post. Each is a single conditional move on
 * the state the post was read in, audited in the same statement: a command racing the publisher's
 * claim either moves the post first (and the claim never sees it) or finds it PUBLISHING and is
 * refused.
 */
public final class PostCommands {
  /** A post already handed to its platform cannot be called back. */
  private static final Set<PostState> CANCELLABLE = EnumSet.of(PostState.PLANNED, PostState.GENERATED,
      PostState.OPTIMIZED, PostState.IN_REVIEW, PostState.APPROVED, PostState.SCHEDULED, PostState.FAILED);

  private final PostQueries queries;
  private final PostTransitions transitions;

  public PostCommands(PostQueries queries, PostTransitions transitions) {
    this.queries = queries;
    this.transitions = transitions;
  }

  /** Carries out the command and returns the post as it now is. */
  public Future<PostView> execute(PostCommand command, Instant now) {
    String invalid = invalidity(command, now);
    if (invalid != null) {
      return failure(ErrorCode.INVALID_REQUEST, invalid);
    }
    UUID id;
    try {
      id = UUID.fromString(command.postId());
    } catch (IllegalArgumentException notAPostId) {
      return failure(ErrorCode.NOT_FOUND, "there is no post " + command.postId());
    }
    return queries.find(id)
        .compose(post -> transitions.apply(List.of(move(id, post.state(), command, now)))
            .compose(moved -> moved.isEmpty()
                // The post moved on between our read and our move, most likely claimed for publishing.
                ? failure(ErrorCode.ILLEGAL_TRANSITION, "post " + id + " is no longer " + post.state())
                : queries.find(id)));
  }

  private static Move move(UUID id, PostState state, PostCommand command, Instant now) {
    Set<PostState> allowed = switch (command.action()) {
      case REQUEUE -> EnumSet.of(PostState.FAILED);
      case CANCEL -> CANCELLABLE;
      case RESCHEDULE -> EnumSet.of(PostState.SCHEDULED);
    };
    if (!allowed.contains(state)) {
      throw ChorusError.of(ErrorCode.ILLEGAL_TRANSITION, "post " + id + " is " + state + " and cannot be "
          + pastTense(command.action()) + "; only a post in " + allowed + " can").exception();
    }
    Move move = switch (command.action()) {
      case REQUEUE -> Move.of(id, state, PostState.SCHEDULED).withScheduledAt(now).resettingAttempts();
      case CANCEL -> Move.of(id, state, PostState.CANCELLED);
      case RESCHEDULE -> Move.of(id, state, PostState.SCHEDULED).withScheduledAt(command.scheduledAt());
    };
    String action = "post." + command.action().name().toLowerCase(Locale.ROOT);
    return move.withDetail(detail(command)).auditedAs(command.actor(), action);
  }

  private static String detail(PostCommand command) {
    String done = pastTense(command.action()) + " by " + command.actor();
    if (command.action() == PostAction.RESCHEDULE) {
      done += " to " + command.scheduledAt();
    }
    return isBlank(command.reason()) ? done : done + ": " + command.reason();
  }

  private static String pastTense(PostAction action) {
    return switch (action) {
      case REQUEUE -> "requeued";
      case CANCEL -> "cancelled";
      case RESCHEDULE -> "rescheduled";
    };
  }

  /** What is wrong with the command as a request, or null when it is well-formed. */
  private static String invalidity(PostCommand command, Instant now) {
    if (command == null || command.postId() == null || command.action() == null) {
      return "postId and action are required";
    }
    if (isBlank(command.actor())) {
      return "actor is required: a command records who gave it";
    }
    if (command.action() == PostAction.RESCHEDULE
        && (command.scheduledAt() == null || !command.scheduledAt().isAfter(now))) {
      return "scheduledAt must be a time in the future to reschedule a post";
    }
    return null;
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }

  private static <T> Future<T> failure(ErrorCode code, String message) {
    return Future.failedFuture(ChorusError.of(code, message).exception());
  }
}
