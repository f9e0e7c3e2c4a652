package io.chorus.web.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.chorus.web.WebTestSupport;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("The API's OpenAPI document and Swagger UI, served by the web verticle")
class ApiDocsTest {
  private static final String TOKEN = "docs-test-bootstrap-token";
  private static final Pattern ASSET = Pattern.compile("(?:src|href)=\"(/[^\"]+)\"");

  private WebClient client;

  @BeforeEach
  void deploy(Vertx vertx, VertxTestContext ctx) {
    // The API demands a token; the documentation must not.
    WebTestSupport.deploy(vertx, WebTestSupport.config(TOKEN, 60_000, 262_144))
        .onComplete(ctx.succeeding(web -> {
          client = WebTestSupport.client(vertx, web);
          ctx.completeNow();
        }));
  }

  @Test
  @DisplayName("serves /openapi.yaml as application/yaml, without a token, exactly as written")
  void servesTheDocument(VertxTestContext ctx) throws IOException {
    String expected = resource(ApiContract.RESOURCE);
    client.get("/openapi.yaml").send()
        .onComplete(ctx.succeeding(response -> ctx.verify(() -> {
          assertThat(response.statusCode()).isEqualTo(200);
          assertThat(response.getHeader("Content-Type")).startsWith("application/yaml");
          assertThat(response.bodyAsString()).isEqualTo(expected).startsWith("openapi: 3.1.0");
          assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("sends /docs to the Swagger UI page, which points Swagger UI at /openapi.yaml")
  void servesSwaggerUi(VertxTestContext ctx) {
    client.get("/docs").followRedirects(false).send()
        .compose(redirect -> {
          ctx.verify(() -> {
            assertThat(redirect.statusCode()).isEqualTo(302);
            assertThat(redirect.getHeader("Location")).isEqualTo("/docs/");
          });
          return client.get("/docs/").send();
        })
        .onComplete(ctx.succeeding(page -> ctx.verify(() -> {
          assertThat(page.statusCode()).isEqualTo(200);
          assertThat(page.getHeader("Content-Type")).startsWith("text/html");
          assertThat(page.bodyAsString()).contains("id=\"swagger-ui\"", "data-spec-url=\"/openapi.yaml\"");
          assertThat(assets(page.bodyAsString())).contains("/docs/swagger-ui/swagger-ui-bundle.js",
              "/docs/swagger-ui/swagger-ui.css", "/docs/docs.js");
          // The page runs no inline script, so it keeps the strict policy of every other page.
          assertThat(page.bodyAsString()).doesNotContainPattern("<script>[^<]");
          assertThat(page.getHeader("Content-Security-Policy")).contains("default-src 'self'")
              .doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("serves every asset the Swagger UI page references, from the swagger-ui web jar")
  void servesEveryAsset(VertxTestContext ctx) {
    client.get("/docs/").send()
        .compose(page -> {
          List<String> assets = assets(page.bodyAsString());
          ctx.verify(() -> assertThat(assets).hasSizeGreaterThanOrEqualTo(4));
          return Future.all(assets.stream().map(asset -> client.get(asset).send()
                  .map(response -> asset + " " + response.statusCode() + " " + response.bodyAsBuffer().length()))
                  .toList())
              .map(all -> all.<String>list());
        })
        .onComplete(ctx.succeeding(fetched -> ctx.verify(() -> {
          assertThat(fetched).allSatisfy(line -> assertThat(line).matches(".* 200 [1-9][0-9]*"));
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("serves the script that starts Swagger UI, naming no server but this one")
  void servesTheStarter(VertxTestContext ctx) {
    client.get("/docs/docs.js").send()
        .onComplete(ctx.succeeding(script -> ctx.verify(() -> {
          assertThat(script.statusCode()).isEqualTo(200);
          assertThat(script.bodyAsString()).contains("SwaggerUIBundle(", "validatorUrl: null")
              .doesNotContain("http://", "https://");
          ctx.completeNow();
        })));
  }

  private static List<String> assets(String html) {
    List<String> found = new ArrayList<>();
    Matcher matcher = ASSET.matcher(html);
    while (matcher.find()) {
      found.add(matcher.group(1));
    }
    return found;
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = ApiDocsTest.class.getClassLoader().getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
