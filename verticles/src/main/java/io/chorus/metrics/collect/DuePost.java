package io.chorus.metrics.collect;

import io.chorus.contracts.Platform;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.UUID;

/** A published post whose insights are due, with the values read last time. */
record DuePost(UUID postId, String accountId, Platform platform, String externalId, Instant publishedAt, JsonObject latest) {}
