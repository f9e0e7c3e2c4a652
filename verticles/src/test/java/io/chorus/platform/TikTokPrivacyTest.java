package io.chorus.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.chorus.contracts.Addresses;
import io.chorus.contracts.ErrorCode;
import io.chorus.contracts.Platform;
import io.chorus.contracts.platform.PostType;
import io.chorus.contracts.platform.PublishRequest;
import io.chorus.simulator.SimulatorOptions;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("TikTok posts only with a privacy level the creator is offered")
class TikTokPrivacyTest {

  @Test
  @DisplayName("a creator offered only SELF_ONLY gets no public post: a permanent refusal naming the levels, nothing posted")
  void refusesUnofferedPrivacy(Vertx vertx, VertxTestContext ctx) {
    AgentFixture.simulator(vertx, new SimulatorOptions().setTiktokPrivacyLevelOptions(List.of("SELF_ONLY")))
        .compose(simulator -> AgentFixture.deployAgents(vertx, AgentFixture.config(simulator), Platform.TIKTOK)
            .compose(deployed -> AgentFixture.failureOf(AgentFixture.request(vertx, Platform.TIKTOK, Addresses.PUBLISH,
                new PublishRequest("post-1", "northwind-tiktok", "Private?", List.of(simulator.baseUrl() + "/media/v.mp4"),
                    1, PostType.VIDEO))))
            .compose(error -> AgentFixture.postsOn(vertx, simulator, "tiktok").map(posts -> {
              ctx.verify(() -> {
                assertThat(error.code()).isEqualTo(ErrorCode.PLATFORM_REJECTED);
                assertThat(error.retryable()).isFalse();
                assertThat(error.message()).contains("PUBLIC_TO_EVERYONE", "platforms.tiktok.privacyLevel", "SELF_ONLY");
                assertThat(posts).isEmpty();
              });
              return posts;
            })))
        .onComplete(ctx.succeedingThenComplete());
  }
}
