package io.chorus.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class ChorusErrorTest {

  @Test
  @DisplayName("a failed reply carries code, message, retryable and retry-after to the requester")
  void failedReplyCarriesTheErrorShape(Vertx vertx, VertxTestContext ctx) {
    ChorusError sent = ChorusError.retryAfter(ErrorCode.RATE_LIMITED, "x quota spent", 1500);
    vertx.eventBus().consumer("test.error", sent::failReply);
    vertx.eventBus().request("test.error", "hi").onComplete(ctx.failing(failure -> ctx.verify(() -> {
      assertThat(failure).isInstanceOf(ReplyException.class);
      assertThat(((ReplyException) failure).failureCode()).isEqualTo(429);
      assertThat(ChorusError.from(failure)).isEqualTo(sent);
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("a request nobody answers in time becomes a retryable TIMEOUT")
  void timeoutBecomesRetryable(Vertx vertx, VertxTestContext ctx) {
    vertx.eventBus().consumer("test.silent", message -> { });
    vertx.eventBus().request("test.silent", "hi", new DeliveryOptions().setSendTimeout(50))
        .onComplete(ctx.failing(failure -> ctx.verify(() -> {
          ChorusError error = ChorusError.from(failure);
          assertThat(error.code()).isEqualTo(ErrorCode.TIMEOUT);
          assertThat(error.retryable()).isTrue();
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("a failure that is not a Chorus error is reported as INTERNAL with its message")
  void foreignFailureIsInternal() {
    ChorusError error = ChorusError.from(new IllegalStateException("boom"));
    assertThat(error.code()).isEqualTo(ErrorCode.INTERNAL);
    assertThat(error.message()).isEqualTo("boom");
    assertThat(ChorusError.from(new ReplyException(io.vertx.core.eventbus.ReplyFailure.RECIPIENT_FAILURE, 503, "plain"))
        .code()).isEqualTo(ErrorCode.PLATFORM_UNAVAILABLE);
  }
}
