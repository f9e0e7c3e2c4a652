package io.chorus.launcher;

import io.chorus.contracts.Contracts;
import io.chorus.storage.DatabaseStartup;
import io.chorus.storage.DatabaseOptions;
import io.chorus.web.WebVerticle;
import io.vertx.core.Deployable;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running Chorus node: its database made ready, then the verticles of its roles deployed in
 * order, each with the whole validated configuration. Stopping undeploys them in reverse order.
 */
public final class ChorusNode {
  private static final Logger LOG = LoggerFactory.getLogger(ChorusNode.class);

  private final Vertx vertx;
  private final DatabaseStartup database;
  private final List<String> deployments = new ArrayList<>();
  private WebVerticle web;

  private ChorusNode(Vertx vertx, DatabaseStartup database) {
    this.vertx = vertx;
    this.database = database;
  }

  /** Starts a node on {@code vertx}, registering the bus codecs first. */
  public static Future<ChorusNode> start(Vertx vertx, JsonObject config) {
    Contracts.registerCodecs(vertx);
    NodeOptions node = NodeOptions.fromConfig(config);
    List<Roles> roles;
    try {
      roles = Roles.parse(node.roles());
    } catch (IllegalArgumentException badRole) {
      return Future.failedFuture(badRole);
    }
    return DatabaseStartup.ensure(vertx, DatabaseOptions.fromConfig(config))
        .compose(database -> {
          ChorusNode started = new ChorusNode(vertx, database);
          JsonObject effective = config.copy().put("database", database.options().toJson());
          return started.deploy(roles, effective).map(started);
        });
  }

  /** The port the web verticle listens on, or -1 when this node has no web role. */
  public int webPort() {
    return web == null ? -1 : web.actualPort();
  }

  public Future<Void> stop() {
    Future<Void> chain = Future.succeededFuture();
    for (int i = deployments.size() - 1; i >= 0; i--) {
      String id = deployments.get(i);
      chain = chain.compose(done -> vertx.undeploy(id).recover(failure -> {
        LOG.warn("Undeploying {} failed: {}", id, failure.getMessage());
        return Future.succeededFuture();
      }));
    }
    return chain.compose(done -> database.stop());
  }

  private Future<Void> deploy(List<Roles> roles, JsonObject config) {
    DeploymentOptions options = new DeploymentOptions().setConfig(config);
    Future<Void> chain = Future.succeededFuture();
    for (Roles role : roles) {
      for (Supplier<Deployable> supplier : role.verticles()) {
        chain = chain.compose(done -> {
          Deployable verticle = supplier.get();
          if (verticle instanceof WebVerticle webVerticle) {
            web = webVerticle;
          }
          return vertx.deployVerticle(verticle, options).map(id -> {
            deployments.add(id);
            LOG.info("Deployed {} ({})", verticle.getClass().getSimpleName(), role.id());
            return null;
          });
        });
      }
    }
    return chain;
  }
}
