package io.chorus.web.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.chorus.web.WebTestSupport;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("The dashboard page")
class DashboardTest {
  private static final Pattern ASSET = Pattern.compile("(?:src|href)=\"([^\"]+)\"");

  @Test
  @DisplayName("is served at / with uPlot, its own script and security headers")
  void servesPage(Vertx vertx, VertxTestContext ctx) {
    WebTestSupport.deploy(vertx, WebTestSupport.config())
        .map(web -> WebTestSupport.client(vertx, web))
        .compose(client -> client.get("/").send())
        .onComplete(ctx.succeeding(response -> ctx.verify(() -> {
          assertThat(response.statusCode()).isEqualTo(200);
          assertThat(response.getHeader("Content-Type")).startsWith("text/html");
          assertThat(response.getHeader("Content-Security-Policy")).contains("default-src 'self'");
          assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
          assertThat(assets(response.bodyAsString()))
              .contains("/webjars/uplot/1.6.30/dist/uPlot.iife.min.js", "app.js", "live.js", "pages.js", "dashboard.css");
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("references only assets the server actually serves")
  void servesEveryAsset(Vertx vertx, VertxTestContext ctx) {
    WebTestSupport.deploy(vertx, WebTestSupport.config())
        .map(web -> WebTestSupport.client(vertx, web))
        .compose(client -> client.get("/").send()
            .compose(page -> fetchAll(client, assets(page.bodyAsString()))))
        .onComplete(ctx.succeeding(statuses -> ctx.verify(() -> {
          assertThat(statuses).isNotEmpty().allMatch(status -> status.endsWith(" 200"));
          ctx.completeNow();
        })));
  }

  private static Future<List<String>> fetchAll(WebClient client, List<String> assets) {
    List<Future<String>> fetches = assets.stream()
        .map(asset -> client.get(asset.startsWith("/") ? asset : "/" + asset).send()
            .map(response -> asset + " " + response.statusCode()))
        .toList();
    return Future.all(fetches).map(all -> all.list());
  }

  private static List<String> assets(String html) {
    List<String> assets = new ArrayList<>();
    Matcher matcher = ASSET.matcher(html);
    while (matcher.find()) {
      // In-page links (#inbox, #queue ...) open sections of the page itself.
      if (!matcher.group(1).startsWith("#")) {
        assets.add(matcher.group(1));
      }
    }
    return assets;
  }
}
