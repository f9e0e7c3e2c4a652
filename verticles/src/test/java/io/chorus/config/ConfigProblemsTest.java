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
@DisplayName("A bad configuration is refused with one line per problem naming the key, the value and what was expected")
class ConfigProblemsTest {
  private ConfDir conf;

  @BeforeEach
  void copyConf(@TempDir Path temp) {
    conf = ConfDir.copyOfShipped(temp);
  }

  private void expect(Vertx vertx, VertxTestContext ctx, String overlay, String... problems) {
    conf.write("application-broken.yaml", overlay);
    ConfDir.expectProblems(ctx, ChorusConfig.load(vertx, conf.source().withProfile("broken")),
        found -> assertThat(found).containsExactly(problems));
  }

  @Test
  @DisplayName("a value of the wrong type")
  void wrongType(Vertx vertx, VertxTestContext ctx) {
    expect(vertx, ctx, "http: {port: abc}",
        "http.port: \"abc\" is a string; expected an integer from 0 to 65535");
  }

  @Test
  @DisplayName("null where a value is needed, and a section of the wrong type")
  void nullAndWrongSection(Vertx vertx, VertxTestContext ctx) {
    expect(vertx, ctx, """
        http: {port: null}
        sse: 5
        """,
        "http.port: null is not allowed; expected an integer from 0 to 65535",
        "sse: 5 is an integer; expected a mapping with keys heartbeatMs, maxQueuedBytes, replayBufferSize, "
            + "agentHealthIntervalMs");
  }

  @Test
  @DisplayName("an unknown platform, as a key of platforms and as an account's platform")
  void unknownPlatform(Vertx vertx, VertxTestContext ctx) {
    expect(vertx, ctx, """
        platforms:
          myspace: {baseUrl: https://myspace.com}
        brands:
          - id: acme
            name: Acme
            timeZone: UTC
            accounts:
              - {id: acme-1, platform: myspace, handle: acme, externalId: "1", accessToken: env:ACME}
        """,
        "platforms.myspace: unknown platform; expected one of facebook, x, instagram, linkedin, tiktok",
        "brands[0].accounts[0].platform: \"myspace\" is an unknown platform; expected one of facebook, x,"
            + " instagram, linkedin, tiktok",
        "brands[0].accounts[0].accessToken: \"env:ACME\" names environment variable ACME, which is not set;"
            + " expected ACME to hold the secret");
  }

  @Test
  @DisplayName("a required key that is missing")
  void missingKey(Vertx vertx, VertxTestContext ctx) {
    conf.editBase("  port: 8080\n", "");
    ConfDir.expectProblems(ctx, ChorusConfig.load(vertx, conf.source()), problems -> assertThat(problems)
        .containsExactly("http.port: missing required key; expected an integer from 0 to 65535"));
  }

  @Test
  @DisplayName("numbers out of range: a port, a fraction and an interval")
  void outOfRange(Vertx vertx, VertxTestContext ctx) {
    expect(vertx, ctx, """
        http: {port: 70000}
        rateLimit: {localFallbackFraction: 1.5}
        pipeline: {pollIntervalMs: 0}
        """,
        "http.port: 70000 is out of range; expected an integer from 0 to 65535",
        "pipeline.pollIntervalMs: 0 is out of range; expected an integer of at least 1",
        "rateLimit.localFallbackFraction: 1.5 is out of range; expected a number from 0 to 1");
  }

  @Test
  @DisplayName("malformed URLs: a wrong scheme, a broken one and a Redis URI that is not redis://")
  void malformedUrl(Vertx vertx, VertxTestContext ctx) {
    expect(vertx, ctx, """
        redis: {uri: "http://127.0.0.1:6379"}
        media: {baseUrl: "ftp://media.example"}
        platforms:
          x: {baseUrl: "htp:/api.x.com"}
        """,
        "redis.uri: \"http://127.0.0.1:6379\" is malformed; expected a redis:// or rediss:// URL",
        "media.baseUrl: \"ftp://media.example\" is malformed; expected an http:// or https:// URL",
        "platforms.x.baseUrl: \"htp:/api.x.com\" is malformed; expected an http:// or https:// URL");
  }

  @Test
  @DisplayName("--config naming a file that does not exist")
  void configFileMissing(Vertx vertx, VertxTestContext ctx) {
    Path nope = conf.path().resolve("nope.yaml");
    ConfDir.expectProblems(ctx, ChorusConfig.load(vertx, conf.source().withConfigFile(nope)),
        problems -> assertThat(problems).containsExactly("--config " + nope + ": file does not exist"));
  }

  @Test
  @DisplayName("a profile without an overlay file and a --config file that is not YAML, reported together")
  void profileMissingAndConfigBroken(Vertx vertx, VertxTestContext ctx) {
    Path broken = conf.write("broken.yaml", "http: {port: [unclosed\n");
    ConfigSource source = conf.source().withProfile("staging").withConfigFile(broken);
    ConfDir.expectProblems(ctx, ChorusConfig.load(vertx, source), problems -> {
      assertThat(problems).hasSize(2);
      assertThat(problems.get(0))
          .isEqualTo("profile staging: " + conf.path().resolve("application-staging.yaml") + ": file does not exist");
      assertThat(problems.get(1)).startsWith("--config " + broken + ": not valid YAML (").contains("line 1");
    });
  }

  @Test
  @DisplayName("a profile name that could reach outside the conf directory")
  void badProfileName(Vertx vertx, VertxTestContext ctx) {
    ConfDir.expectProblems(ctx, ChorusConfig.load(vertx, conf.source().withProfile("../etc")),
        problems -> assertThat(problems).containsExactly(
            "profile ../etc: not a profile name; expected letters, digits, - and _"));
  }

  @Test
  @DisplayName("a --config file whose top level is a list instead of keys")
  void configFileNotAMapping(Vertx vertx, VertxTestContext ctx) {
    Path list = conf.write("list.yaml", "- http\n- port\n");
    ConfDir.expectProblems(ctx, ChorusConfig.load(vertx, conf.source().withConfigFile(list)),
        problems -> assertThat(problems).containsExactly(
            "--config " + list + ": not a mapping of keys; expected key: value lines at the top level"));
  }

  @Test
  @DisplayName("a mistyped key is named as unknown, with the key it probably meant")
  void typo(Vertx vertx, VertxTestContext ctx) {
    expect(vertx, ctx, """
        htpp: {port: 8080}
        http: {prot: 8081}
        """,
        "http.prot: unknown key; expected one of host, port, maxBodyBytes, requestTimeoutMs, readinessTimeoutMs"
            + " (did you mean port?)",
        "htpp: unknown key; expected one of node, http, auth, database, redis, cluster, leader, pipeline, review,"
            + " scheduling, metrics, sse, session, content, rateLimit, circuitBreaker, media, platforms, simulator, webhooks, brands, campaigns, tokens"
            + " (did you mean http?)");
  }

  @Test
  @DisplayName("every problem is reported at once, from the files, the environment and the system properties")
  void allProblemsTogether(Vertx vertx, VertxTestContext ctx) {
    conf.write("application-broken.yaml", """
        http: {port: 70000}
        node: {roles: [all, janitor]}
        database: {schema: "1st-schema", password: hunter2}
        campaigns:
          - {id: launch, brand: ghost, name: Launch, brief: Go, platforms: [x, x], calendar: {everySeconds: 0}}
        """);
    ConfigSource source = conf.source().withProfile("broken")
        .withEnv(Map.of("CHORUS_AUTH_BOOTSTRAP_TOKEN", ""))
        .withSystemProperties(Map.of("chorus.pipeline.backoff.jitter", "-0.1"));
    ConfDir.expectProblems(ctx, ChorusConfig.load(vertx, source), problems -> assertThat(problems)
        .containsExactlyInAnyOrder(
            "node.roles[1]: \"janitor\" is an unknown role; expected one of all, leader, content, pipeline, metrics,"
                + " events, tenants, web, facebook, x, instagram, linkedin, tiktok",
            "http.port: 70000 is out of range; expected an integer from 0 to 65535",
            "auth.bootstrapToken: (hidden) is too short; expected a string of at least 16 characters or null",
            "database.password: (hidden) is malformed; expected a secret reference env:VAR, file:/path or"
                + " demo:name, or null",
            "database.schema: \"1st-schema\" is malformed; expected an SQL identifier: a letter or _ then letters,"
                + " digits or _",
            "pipeline.backoff.jitter: -0.1 is out of range; expected a number from 0 to 1",
            "campaigns[0].platforms: [\"x\",\"x\"] repeats an item; expected each item at most once",
            "campaigns[0].calendar.everySeconds: 0 is out of range; expected an integer of at least 1",
            "campaigns[0].brand: \"ghost\" is not a defined brand; expected the id of a brand under brands"));
  }

  @Test
  @DisplayName("a post type the platform does not have, alone or in a list, and an unknown Facebook schedule delay")
  void wrongPostTypes(Vertx vertx, VertxTestContext ctx) {
    expect(vertx, ctx, """
        platforms:
          facebook: {scheduleAheadMinutes: 5}
        campaigns:
          - id: launch
            brand: ghost
            name: Launch
            brief: Go
            platforms: [x, instagram]
            postTypes: {instagram: thread, x: [text, reel]}
            calendar: {everySeconds: 60}
        """,
        "platforms.facebook.scheduleAheadMinutes: 5 is out of range; expected minutes from 10 to 43200 (30 days)",
        "campaigns[0].postTypes.x[1]: \"reel\" is not allowed; expected one of text, thread, image",
        "campaigns[0].postTypes.instagram: \"thread\" is malformed; expected one of image, carousel, reel, story,"
            + " or a list of them",
        "campaigns[0].brand: \"ghost\" is not a defined brand; expected the id of a brand under brands");
  }
}
