package io.chorus.platform.engagement;

import io.chorus.contracts.Platform;
import io.chorus.pipeline.post.PostTransitions;
import io.chorus.platform.PlatformAccount;
import io.chorus.storage.Database;
import io.chorus.storage.DatabaseOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.util.Collection;

/** A platform agent's community engagement: its event handler and the database pool it records in. */
public final class Engagement {
  /** How long a draft may take when the configuration does not say ({@code pipeline.requestTimeoutMs}). */
  public static final long DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

  private final Pool pool;
  private final EngagementHandler handler;

  private Engagement(Pool pool, EngagementHandler handler) {
    this.pool = pool;
    this.handler = handler;
  }

  /** Engagement for one platform's agent, from the whole configuration (brands, database, pipeline timeout). */
  public static Engagement create(Vertx vertx, JsonObject config, Platform platform,
      Collection<PlatformAccount> accounts, CommentsClient comments) {
    Pool pool = config.getJsonObject("database") == null ? null : Database.pool(vertx, DatabaseOptions.fromConfig(config));
    EngagementStore store = pool == null ? null : new EngagementStore(pool, new PostTransitions(pool, vertx.eventBus()));
    long timeoutMs = config.getJsonObject("pipeline", new JsonObject()).getLong("requestTimeoutMs", DEFAULT_REQUEST_TIMEOUT_MS);
    return new Engagement(pool, new EngagementHandler(platform, accounts, BrandEngagement.fromConfig(config), comments,
        store, vertx.eventBus(), new DeliveryOptions().setSendTimeout(timeoutMs)));
  }

  public EngagementHandler handler() {
    return handler;
  }

  public Future<Void> close() {
    return pool == null ? Future.succeededFuture() : pool.close();
  }
}
