package io.chorus.content;

import io.chorus.content.offline.OfflineGenerator;
import io.chorus.contracts.Addresses;
import io.chorus.contracts.ChorusError;
import io.chorus.contracts.ErrorCode;
import io.chorus.contracts.content.GenerateRequest;
import io.chorus.contracts.content.GeneratedContent;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes posts' text on {@link Addresses#CONTENT_GENERATE}; for now with the offline generator, so the
 * whole system runs with no provider account.
 */
public class ContentVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(ContentVerticle.class);

  private OfflineGenerator generator;

  @Override
  public Future<?> start() {
    ContentConfig settings = ContentConfig.fromJson(config());
    generator = OfflineGenerator.create(settings.offlineSeed());
    return vertx.eventBus().<GenerateRequest>consumer(Addresses.CONTENT_GENERATE, this::generate)
        .completion()
        .onSuccess(done -> LOG.info("Content serving {} with the offline generator", Addresses.CONTENT_GENERATE));
  }

  private void generate(Message<GenerateRequest> message) {
    GenerateRequest request = message.body();
    String problem = problemWith(request);
    if (problem != null) {
      ChorusError.of(ErrorCode.INVALID_REQUEST, problem).failReply(message);
      return;
    }
    String text = generator.write(request);
    LOG.debug("Wrote {} characters for post {} on {}", text.length(), request.postId(), request.platform().id());
    message.reply(new GeneratedContent(text, OfflineGenerator.PROVIDER, OfflineGenerator.MODEL));
  }

  /** What makes the request unanswerable, named by field, or null when it can be written. */
  private static String problemWith(GenerateRequest request) {
    if (request == null) {
      return "a GenerateRequest body is required";
    }
    if (request.platform() == null) {
      return "platform is required";
    }
    if (request.brief() == null || request.brief().isBlank()) {
      return "brief is required and must not be blank";
    }
    return null;
  }
}
