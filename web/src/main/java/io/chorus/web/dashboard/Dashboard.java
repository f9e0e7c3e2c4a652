package io.chorus.web.dashboard;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.StaticHandler;

/** Serves the brand dashboard (plain HTML, CSS and JavaScript) and the web jars it draws charts with. */
public final class Dashboard {
  /** Where the page's own files live on the classpath. */
  public static final String WEB_ROOT = "webroot/dashboard";
  /** Where web jars keep their files, served under {@code /webjars/}. */
  public static final String WEBJARS_ROOT = "META-INF/resources/webjars";

  private Dashboard() {}

  /** Mounts {@code /webjars/*} and the dashboard at {@code /}; call after the API routes. */
  public static void mount(Router router) {
    router.get("/webjars/*").handler(StaticHandler.create(WEBJARS_ROOT));
    router.get("/*").handler(StaticHandler.create(WEB_ROOT).setIndexPage("index.html"));
  }
}
