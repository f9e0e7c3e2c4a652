package io.chorus.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(VertxExtension.class)
@DisplayName("Secret references")
class SecretReferencesTest {
  private static final String ONE_BRAND = """
      brands:
        - id: acme
          name: Acme
          timeZone: America/New_York
          accounts:
            - {id: acme-x, platform: x, handle: "@acme", externalId: "42", accessToken: %s}
      """;

  private ConfDir conf;

  @BeforeEach
  void copyConf(@TempDir Path temp) {
    conf = ConfDir.copyOfShipped(temp);
  }

  @Test
  @DisplayName("env: and file: references are replaced by the variable's value and the file's trimmed contents")
  void resolved(Vertx vertx, VertxTestContext ctx) {
    Path secret = conf.write("db-password", "  correct horse battery staple\n");
    Path accounts = conf.write("accounts.yaml", ONE_BRAND.formatted("env:ACME_X_TOKEN"));
    ConfigSource source = conf.source().withConfigFile(accounts)
        .withEnv(Map.of("ACME_X_TOKEN", "x-token-1", "CHORUS_DATABASE_PASSWORD", "file:" + secret));
    ChorusConfig.load(vertx, source).onComplete(ctx.succeeding(config -> ctx.verify(() -> {
      assertThat(config.getJsonObject("database").getString("password")).isEqualTo("correct horse battery staple");
      assertThat(config.getJsonArray("brands").getJsonObject(0).getJsonArray("accounts").getJsonObject(0)
          .getString("accessToken")).isEqualTo("x-token-1");
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("a missing environment variable and a missing file are named with the key that refers to them")
  void missing(Vertx vertx, VertxTestContext ctx) {
    Path accounts = conf.write("accounts.yaml", ONE_BRAND.formatted("env:ACME_X_TOKEN"));
    Path nowhere = conf.path().resolve("no-such-secret");
    ConfigSource source = conf.source().withConfigFile(accounts)
        .withEnv(Map.of("CHORUS_DATABASE_PASSWORD", "file:" + nowhere));
    ConfDir.expectProblems(ctx, ChorusConfig.load(vertx, source), problems -> assertThat(problems).containsExactly(
        "database.password: \"file:" + nowhere + "\" names a file that cannot be used: file does not exist;"
            + " expected a readable file holding the secret",
        "brands[0].accounts[0].accessToken: \"env:ACME_X_TOKEN\" names environment variable ACME_X_TOKEN,"
            + " which is not set; expected ACME_X_TOKEN to hold the secret"));
  }

  @Test
  @DisplayName("a demo: token is refused for a platform whose baseUrl is not on this machine")
  void demoRefused(Vertx vertx, VertxTestContext ctx) {
    Path accounts = conf.write("accounts.yaml", ONE_BRAND.formatted("demo:acme-x"));
    ConfDir.expectProblems(ctx, ChorusConfig.load(vertx, conf.source().withConfigFile(accounts)),
        problems -> assertThat(problems).containsExactly(
            "brands[0].accounts[0].accessToken: \"demo:acme-x\" is a demo secret but platforms.x.baseUrl"
                + " \"https://api.x.com\" is not on this machine; expected env:VAR or file:/path, or a baseUrl on"
                + " 127.0.0.0/8, ::1 or localhost (the simulator)"));
  }

  @Test
  @DisplayName("a demo: token is accepted for a baseUrl on localhost, ::1 or 127.0.0.0/8, and resolves to its name")
  void demoAccepted(Vertx vertx, VertxTestContext ctx) {
    Path accounts = conf.write("accounts.yaml", ONE_BRAND.formatted("demo:acme-x"));
    var checks = ctx.checkpoint(3);
    for (String url : new String[] {"http://localhost:8089/x", "http://[::1]:8089", "https://127.20.0.9/x"}) {
      ConfigSource source = conf.source().withConfigFile(accounts).withOverride("platforms.x.baseUrl", url);
      ChorusConfig.load(vertx, source).onComplete(ctx.succeeding(config -> ctx.verify(() -> {
        assertThat(config.getJsonArray("brands").getJsonObject(0).getJsonArray("accounts").getJsonObject(0)
            .getString("accessToken")).isEqualTo("acme-x");
        checks.flag();
      })));
    }
  }

  @Test
  @DisplayName("a demo: database password is refused unless the database is on this machine")
  void demoDatabasePassword(Vertx vertx, VertxTestContext ctx) {
    ConfigSource source = conf.source().withEnv(Map.of(
        "CHORUS_DATABASE_PASSWORD", "demo:postgres", "CHORUS_DATABASE_HOST", "db.example.com"));
    ConfDir.expectProblems(ctx, ChorusConfig.load(vertx, source), problems -> assertThat(problems).containsExactly(
        "database.password: \"demo:postgres\" is a demo secret but database.host \"db.example.com\" is not on this"
            + " machine; expected env:VAR or file:/path"));
  }
}
