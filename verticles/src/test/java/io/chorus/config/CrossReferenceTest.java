package io.chorus.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(VertxExtension.class)
@DisplayName("Brands, accounts and campaigns must fit together")
class CrossReferenceTest {

  @Test
  @DisplayName("duplicate ids, an unknown brand, a platform without an account, a bad time zone and a bad date are each named")
  void crossReferences(Vertx vertx, VertxTestContext ctx, @TempDir Path temp) {
    ConfDir conf = ConfDir.copyOfShipped(temp);
    Path brands = conf.write("brands.yaml", """
        brands:
          - id: acme
            name: Acme
            timeZone: Mars/Olympus_Mons
            accounts:
              - {id: acme-x, platform: x, handle: "@acme", externalId: "1", accessToken: demo:acme-x}
          - id: acme
            name: Acme again
            timeZone: UTC
            accounts:
              - {id: acme-x, platform: tiktok, handle: "@acme", externalId: "2", accessToken: demo:acme-tt}
        campaigns:
          - id: spring
            brand: acme
            name: Spring
            brief: Flowers
            platforms: [x, linkedin]
            calendar: {everySeconds: 60, startsAt: "2026-03-20T09:00:00Z", endsAt: "2026-03-20 18:00", maxSlots: 10}
          - {id: spring, brand: nobody, name: Again, brief: Again, platforms: [x], calendar: {everySeconds: 60}}
        """);
    ConfigSource source = conf.source().withConfigFile(brands)
        .withOverride("platforms.x.baseUrl", "http://127.0.0.1:1/x")
        .withOverride("platforms.tiktok.baseUrl", "http://127.0.0.1:1/tiktok")
        .withOverride("pipeline.backoff.initialMs", 400000);
    ConfDir.expectProblems(ctx, ChorusConfig.load(vertx, source), problems -> assertThat(problems).containsExactly(
        "campaigns[0].calendar.endsAt: \"2026-03-20 18:00\" is malformed; expected a date and time with its"
            + " offset, such as 2026-11-24T09:00:00Z",
        "brands[0].timeZone: \"Mars/Olympus_Mons\" is not a known time zone; expected an IANA time zone such as"
            + " Europe/Paris",
        "brands[1].id: \"acme\" is already the id of brands[0]; expected a unique brand id",
        "brands[1].accounts[0].id: \"acme-x\" is already the id of brands[0].accounts[0]; expected a unique account id",
        "campaigns[0].platforms[1]: \"linkedin\" has no account of brand \"acme\"; expected an account with platform"
            + " linkedin under brands[0].accounts",
        "campaigns[1].id: \"spring\" is already the id of campaigns[0]; expected a unique campaign id",
        "campaigns[1].brand: \"nobody\" is not a defined brand; expected one of acme",
        "pipeline.backoff.initialMs: 400000 is more than pipeline.backoff.maxMs (300000); expected at most 300000"));
  }

  @Test
  @DisplayName("a sponsored campaign of a brand with no disclosure is named, since its posts could never pass review")
  void sponsoredNeedsDisclosure(Vertx vertx, VertxTestContext ctx, @TempDir Path temp) {
    ConfDir conf = ConfDir.copyOfShipped(temp);
    Path brands = conf.write("brands.yaml", """
        brands:
          - id: acme
            name: Acme
            timeZone: UTC
            accounts:
              - {id: acme-x, platform: x, handle: "@acme", externalId: "1", accessToken: demo:acme-x}
          - id: globex
            name: Globex
            timeZone: UTC
            disclosure: "#ad"
            accounts:
              - {id: globex-x, platform: x, handle: "@globex", externalId: "2", accessToken: demo:globex-x}
        campaigns:
          - {id: paid, brand: acme, name: Paid, brief: Paid, platforms: [x], sponsored: true, calendar: {everySeconds: 60}}
          - {id: own, brand: acme, name: Own, brief: Own, platforms: [x], sponsored: false, calendar: {everySeconds: 60}}
          - {id: fine, brand: globex, name: Fine, brief: Ok, platforms: [x], sponsored: true, calendar: {everySeconds: 60}}
        """);
    ConfigSource source = conf.source().withConfigFile(brands).withOverride("platforms.x.baseUrl", "http://127.0.0.1:1/x");
    ConfDir.expectProblems(ctx, ChorusConfig.load(vertx, source), problems -> assertThat(problems).containsExactly(
        "campaigns[0].sponsored: true but brand \"acme\" has no disclosure to carry; expected a disclosure such as"
            + " \"#ad\" under brands[0].disclosure"));
  }
}
