package io.chorus.platform.tiktok;

import io.chorus.contracts.ChorusError;
import io.chorus.contracts.ErrorCode;
import io.chorus.contracts.platform.PlatformEvent;
import io.chorus.contracts.platform.PublishRequest;
import io.chorus.platform.PlatformAccount;
import io.chorus.platform.engagement.CommentsClient;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * TikTok's public Content Posting and Display APIs have no comment endpoints: comments can be
 * neither listed nor answered (only the Research API lists them, for approved researchers, and
 * the separate TikTok for Business API replies, for business accounts). Chorus therefore finds
 * no TikTok comments and refuses TikTok replies for good.
 */
public final class TikTokComments implements CommentsClient {

  @Override
  public boolean supported() {
    return false;
  }

  @Override
  public Future<List<PlatformEvent>> comments(PlatformAccount account, Map<String, Instant> posts) {
    return Future.succeededFuture(List.of());
  }

  @Override
  public Future<String> reply(PlatformAccount account, PublishRequest request) {
    return Future.failedFuture(ChorusError.of(ErrorCode.PLATFORM_REJECTED,
        "tiktok: the public API cannot reply to comments; post " + request.postId() + " was not sent").exception());
  }
}
