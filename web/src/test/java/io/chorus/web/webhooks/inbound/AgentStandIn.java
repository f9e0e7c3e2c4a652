package io.chorus.web.webhooks.inbound;

import io.chorus.contracts.Addresses;
import io.chorus.contracts.Platform;
import io.chorus.contracts.platform.PlatformEvent;
import io.chorus.contracts.platform.PlatformEventHandled;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.MessageConsumer;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;

/** Stands in for the platform agents on {@code chorus.platform.<p>.events}: records each event and answers. */
final class AgentStandIn extends VerticleBase {
  private final Queue<PlatformEvent> received;
  private final boolean answers;

  /** @param answers false for an agent that takes events and never answers, like one on a dying node */
  AgentStandIn(Queue<PlatformEvent> received, boolean answers) {
    this.received = received;
    this.answers = answers;
  }

  @Override
  public Future<?> start() {
    List<Future<Void>> registered = new ArrayList<>();
    for (Platform platform : Platform.values()) {
      MessageConsumer<PlatformEvent> consumer = vertx.eventBus().consumer(platform.address(Addresses.EVENTS), message -> {
        received.add(message.body());
        if (answers) {
          message.reply(new PlatformEventHandled(message.body().eventId(), "recorded", null));
        }
      });
      registered.add(consumer.completion());
    }
    return Future.all(registered);
  }
}
