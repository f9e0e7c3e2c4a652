package io.chorus.platform.engagement;

import io.chorus.contracts.Addresses;
import io.chorus.contracts.ChorusError;
import io.chorus.contracts.ErrorCode;
import io.chorus.contracts.Platform;
import io.chorus.contracts.content.GenerateRequest;
import io.chorus.contracts.content.GeneratedContent;
import io.chorus.contracts.platform.PlatformEvent;
import io.chorus.contracts.platform.PlatformEventHandled;
import io.chorus.platform.PlatformAccount;
import io.vertx.core.Future;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A platform agent's answer to comments and mentions ({@link Addresses#EVENTS}): each event is
 * recorded once, then, when its brand asks for auto-replies, a reply is drafted by the Content
 * verticle and queued in the pipeline as a post answering the comment, to be fitted, reviewed
 * (with a person's approval when the brand wants one), scheduled at once and published as a
 * reply. A repeated event id, or the same comment seen again, gets the first answer again.
 */
public final class EngagementHandler {
  private static final Logger LOG = LoggerFactory.getLogger(EngagementHandler.class);

  private final Platform platform;
  private final Map<String, PlatformAccount> accountsByHandle;
  private final Map<String, BrandEngagement> brands;
  private final CommentsClient comments;
  private final EngagementStore store;
  private final EventBus bus;
  private final DeliveryOptions delivery;

  /**
   * The handler of one platform's agent.
   *
   * @param store null when the agent runs without a database; events are then refused
   */
  EngagementHandler(Platform platform, Collection<PlatformAccount> accounts, Map<String, BrandEngagement> brands,
      CommentsClient comments, EngagementStore store, EventBus bus, DeliveryOptions delivery) {
    this.platform = platform;
    this.accountsByHandle = accounts.stream().filter(a -> a.platform() == platform && a.externalId() != null)
        .collect(Collectors.toMap(PlatformAccount::externalId, a -> a, (first, second) -> first));
    this.brands = brands;
    this.comments = comments;
    this.store = store;
    this.bus = bus;
    this.delivery = delivery;
  }

  /** The bus handler of {@code chorus.platform.<p>.events}. */
  public void handle(Message<PlatformEvent> message) {
    handle(message.body())
        .onSuccess(message::reply)
        .onFailure(failure -> ChorusError.from(failure).failReply(message));
  }

  /** Handles one event, whether delivered on the bus or found by polling. */
  public Future<PlatformEventHandled> handle(PlatformEvent event) {
    if (event == null || event.eventId() == null || event.externalId() == null || event.kind() == null) {
      return invalid("an event needs an eventId, a kind and the platform's externalId");
    }
    if (event.platform() != platform) {
      return invalid("event " + event.eventId() + " is for " + (event.platform() == null ? "no platform"
          : event.platform().id()) + ", not " + platform.id());
    }
    if (store == null) {
      return Future.failedFuture(ChorusError.of(ErrorCode.INTERNAL,
          platform.id() + " agent has no database (database.*) to record events in").exception());
    }
    PlatformAccount account = accountsByHandle.get(event.accountHandle());
    if (account == null) {
      return Future.failedFuture(ChorusError.of(ErrorCode.NOT_FOUND,
          "no " + platform.id() + " account '" + event.accountHandle() + "'").exception());
    }
    return store.record(event, account).compose(earlier -> earlier.isPresent()
        ? Future.succeededFuture(earlier.get())
        : act(event, account));
  }

  private Future<PlatformEventHandled> act(PlatformEvent event, PlatformAccount account) {
    String skip = reasonToSkip(event, account);
    if (skip != null) {
      String outcome = skip.substring(0, skip.indexOf(':'));
      return store.finish(event.eventId(), outcome, skip.substring(skip.indexOf(':') + 2))
          .map(done -> new PlatformEventHandled(event.eventId(), outcome, null));
    }
    UUID postId = UUID.randomUUID();
    return bus.<GeneratedContent>request(Addresses.CONTENT_GENERATE, draftRequest(event, account, postId), delivery)
        .compose(draft -> store.createReply(event, account, postId, draft.body().text(), draft.body().provider()))
        .map(created -> {
          LOG.info("drafted reply {} to {} {} on {} for account {}", created,
              event.kind().name().toLowerCase(Locale.ROOT), event.externalId(), platform.id(), account.id());
          return new PlatformEventHandled(event.eventId(), EngagementStore.REPLY_DRAFTED, created);
        })
        .recover(failure -> {
          ChorusError error = ChorusError.from(failure);
          LOG.warn("no reply drafted to {} on {}: {}", event.externalId(), platform.id(), error.message());
          return store.finish(event.eventId(), EngagementStore.FAILED, error.message())
              .transform(done -> Future.failedFuture(failure));
        });
  }

  /** "outcome: why" when no reply is drafted, else null. */
  private String reasonToSkip(PlatformEvent event, PlatformAccount account) {
    if (event.kind() != PlatformEvent.Kind.COMMENT && event.kind() != PlatformEvent.Kind.MENTION) {
      return "ignored: only comments and mentions are answered";
    }
    if (!comments.supported()) {
      return "unsupported: " + platform.id() + "'s public API cannot reply to comments";
    }
    BrandEngagement brand = brands.get(account.brandId());
    if (brand == null || !brand.autoReply()) {
      return "recorded: brand " + account.brandId() + " does not ask for replies (autoReply)";
    }
    return null;
  }

  private GenerateRequest draftRequest(PlatformEvent event, PlatformAccount account, UUID postId) {
    BrandEngagement brand = brands.get(account.brandId());
    String who = event.authorHandle() == null ? "someone" : "@" + event.authorHandle().replaceFirst("^@", "");
    String brief = "Reply, as " + account.handle() + ", to this " + event.kind().name().toLowerCase(Locale.ROOT)
        + " from " + who + ": \"" + (event.text() == null ? "" : event.text().strip())
        + "\". Answer it directly, briefly and kindly.";
    return new GenerateRequest(postId.toString(), account.brandId(), null, platform, brief, brand.voice(),
        List.of(), List.of(), List.of(), null, event.eventId().hashCode(), null);
  }

  private static <T> Future<T> invalid(String why) {
    return Future.failedFuture(ChorusError.of(ErrorCode.INVALID_REQUEST, why).exception());
  }
}
