package io.chorus.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.chorus.testkit.TestDatabase;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Crash safety of publishing, with real processes of the packaged jar: a simulator, and two
 * Chorus nodes sharing one PostgreSQL schema, only the first with the Team Leader and the web.
 * Midway through a campaign of {@value #POSTS} LinkedIn and TikTok posts, while both nodes have
 * posts in flight, the first node is killed with SIGKILL and started again; the simulator's own
 * record must then hold every post that passed review exactly once, and no post may be left
 * unsettled. A TikTok post is on the platform from its init
 * but confirmed only once processed, so the kill leaves posts that are published yet not known
 * to be: the case where a careless recovery publishes twice.
 */
@DisplayName("Crash safety of publishing across two processes")
class CrashSafetyIT {
  /** Accounts per platform. */
  private static final int ACCOUNTS = 25;
  private static final List<String> PLATFORMS = List.of("linkedin", "tiktok");
  private static final int SLOTS = 42;
  private static final int POSTS = ACCOUNTS * PLATFORMS.size() * SLOTS;
  /**
   * Review rejects a post whose text repeats its account's latest one, and the offline generator
   * sometimes writes the same text for two slots; such posts never reach publishing, and the
   * campaign plans enough posts that at least this many are published all the same.
   */
  private static final int AT_LEAST_PUBLISHED = 2000;
  /** How long a simulated TikTok post takes to process: long enough to keep both nodes busy. */
  private static final int PROCESSING_MS = 2500;
  /** The node is killed once the simulator has received this share of the posts. */
  private static final double KILL_AT = 0.4;
  /** Time for the simulator and both nodes to start before the first calendar slot. */
  private static final Duration STARTUP_MARGIN = Duration.ofSeconds(20);
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
  /** After the kill: the rest of the calendar, the lease, and recovery. */
  private static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(SLOTS + 120);
  private static final Pattern SIMULATOR_URL = Pattern.compile("Simulator listening on (http://\\S+)");
  private static final Pattern NODE_STARTED = Pattern.compile("Chorus node started");
  private static final List<String> FINAL_STATES = List.of("PUBLISHED", "FAILED", "REJECTED", "CANCELLED");
  private static final List<String> EXPECTED_STATES = List.of("PUBLISHED", "REJECTED");

  private final Path jar = Path.of(System.getProperty("chorus.jar", "target/chorus.jar"));
  private final List<ChorusProcess> processes = new ArrayList<>();
  private TestDatabase database;

  @AfterEach
  void tearDown() throws InterruptedException {
    for (ChorusProcess process : processes) {
      process.close();
    }
    if (database != null) {
      database.close();
    }
  }

  @Test
  @DisplayName("every post is published exactly once and none is lost when a node is killed midway")
  void noPostLostOrDuplicatedAcrossAKill() throws Exception {
    try {
      runScenario();
    } catch (Throwable failure) {
      StringBuilder report = new StringBuilder(String.valueOf(failure.getMessage())).append('\n');
      processes.forEach(process -> report.append(process.tail(40)));
      throw new AssertionError(report.toString(), failure);
    }
  }

  private void runScenario() throws Exception {
    assertThat(jar).as("the packaged jar; run through mvn verify").isRegularFile();
    Path workDir = Files.createDirectories(Path.of("target", "crash-safety-" + System.currentTimeMillis()));
    database = TestDatabase.createSchema(getClass());
    Map<String, String> environment = Map.of("CHORUS_CONF_DIR", System.getProperty("chorus.conf.dir", "../conf"));

    Path simulatorConfig = workDir.resolve("simulator.yaml");
    // JSON is YAML, so overlays are written as JSON.
    Files.writeString(simulatorConfig, simulatorOverlay().encodePrettily());
    ChorusProcess simulator = launch("simulator", workDir, environment,
        List.of("simulator", "--port", "0", "--config", simulatorConfig.toAbsolutePath().toString()));
    String simulatorUrl = simulator.awaitLine(SIMULATOR_URL, START_TIMEOUT).group(1);
    SimulatorRecord record = new SimulatorRecord(simulatorUrl);

    Instant firstSlot = Instant.now().plus(STARTUP_MARGIN).truncatedTo(ChronoUnit.SECONDS);
    Path overlay = workDir.resolve("nodes.yaml");
    Files.writeString(overlay, overlay(simulatorUrl, firstSlot).encodePrettily());
    List<String> config = List.of("--config", overlay.toAbsolutePath().toString());
    ChorusProcess leading = launch("node-leading", workDir, environment, run(config, "all"));
    leading.awaitLine(NODE_STARTED, START_TIMEOUT);
    ChorusProcess working = launch("node-working", workDir, environment,
        run(config, "content,facebook,x,instagram,linkedin,tiktok,pipeline,metrics"));
    working.awaitLine(NODE_STARTED, START_TIMEOUT);
    assertThat(Instant.now()).as("both nodes started before the first slot").isBefore(firstSlot);

    PostLedger ledger = new PostLedger(database);
    Deadline.of(STARTUP_MARGIN.plusSeconds(SLOTS + 60)).await(
        "the simulator to receive " + KILL_AT * 100 + "% of the posts while both nodes publish",
        () -> record.totalPosts() >= POSTS * KILL_AT && ledger.publishersInFlight() == 2,
        () -> record.totalPosts() + " received, " + ledger.publishersInFlight() + " nodes publishing");
    assertThat(record.totalPosts()).as("posts received when the node is killed").isLessThan(POSTS);
    assertThat(leading.kill()).as("exit code of a JVM killed by SIGKILL (128 + 9)").isEqualTo(137);
    leading.start().awaitLine(NODE_STARTED, START_TIMEOUT);

    Deadline.of(SETTLE_TIMEOUT).await("every post to reach a final state",
        () -> ledger.count() == POSTS && ledger.countIn(FINAL_STATES) == POSTS, () -> "states " + ledger.countByState());

    assertThat(ledger.movesInto("UNKNOWN")).as("posts the kill left in flight, found by lease expiry").isPositive();
    assertThat(ledger.moves("UNKNOWN", "PUBLISHED")).as("posts the kill left on the platform unconfirmed")
        .isPositive();
    assertExactlyOnce(ledger, record);
  }

  private static void assertExactlyOnce(PostLedger ledger, SimulatorRecord record) throws Exception {
    Map<String, Long> byState = ledger.countByState();
    assertThat(byState.keySet()).as("states of the posts; those not published: %s", ledger.reasonsNotPublished())
        .isSubsetOf(EXPECTED_STATES);
    assertThat(ledger.rejectedAfterReview()).as("rejected posts that had been scheduled").isZero();
    long published = byState.getOrDefault("PUBLISHED", 0L);
    assertThat(published).as("published posts; those not published: %s", ledger.reasonsNotPublished())
        .isGreaterThanOrEqualTo(AT_LEAST_PUBLISHED);
    JsonArray received = record.posts();
    assertThat(received).as("the simulator's record of posts").hasSize((int) published);
    assertThat(record.totalPosts()).as("posts the simulator counted, trimmed or not").isEqualTo(published);

    Map<String, List<JsonObject>> receivedById = received.stream().map(JsonObject.class::cast)
        .collect(Collectors.groupingBy(post -> post.getString("id")));
    assertThat(receivedById.values()).as("simulator posts sharing an id").allSatisfy(same -> assertThat(same).hasSize(1));

    Map<String, PostLedger.Published> publishedById = ledger.published().stream()
        .collect(Collectors.toMap(PostLedger.Published::externalId, Function.identity(), (first, second) -> {
          throw new AssertionError("two posts published as " + first.externalId() + ": " + first + " and " + second);
        }));
    // Reconciliation finds a post by its text, which the offline generator repeats on an account.
    assertThat(publishedById.keySet()).as("external ids of published posts vs the simulator's post ids "
            + "(%d texts repeat on an account)", ledger.textsRepeatedOnAnAccount())
        .containsExactlyInAnyOrderElementsOf(receivedById.keySet());
    publishedById.forEach((id, post) -> {
      JsonObject seen = receivedById.get(id).get(0);
      assertThat(seen.getString("platform")).as("platform of simulator post %s", id).isEqualTo(post.platform());
      // The simulated TikTok knows a poster by token (demo:<account id>), LinkedIn by author URN.
      String poster = post.platform().equals("tiktok") ? post.accountId() : post.accountExternalId();
      assertThat(seen.getString("account")).as("poster of simulator post %s", id).isEqualTo(poster);
    });
  }

  private ChorusProcess launch(String name, Path workDir, Map<String, String> environment, List<String> args) {
    ChorusProcess process = ChorusProcess.of(name, jar, workDir, environment, args);
    processes.add(process);
    return process.start();
  }

  private static List<String> run(List<String> config, String roles) {
    List<String> args = new ArrayList<>(List.of("run", "--roles", roles));
    args.addAll(config);
    return args;
  }

  /** Quotas far above the campaign's, so only Chorus sets the pace; slow TikTok processing. */
  private static JsonObject simulatorOverlay() {
    JsonObject quotas = new JsonObject();
    for (String quota : List.of("linkedinPostsPerDay", "tiktokInitsPerMinute", "tiktokCreatorInfoPerMinute",
        "tiktokStatusPerMinute")) {
      quotas.put(quota, 1_000_000);
    }
    return new JsonObject().put("simulator", new JsonObject().put("processingMs", PROCESSING_MS).put("quotas", quotas));
  }

  /**
   * The configuration both nodes share: the test schema, a brand of {@value #ACCOUNTS} accounts on
   * each of LinkedIn and TikTok (the simulator refuses repeated texts only on X and Facebook), on
   * the simulator, a campaign of {@value #SLOTS} one-second slots each published at the slot
   * (no jitter, no spacing between an account's posts), review rejecting only a repeat of the
   * account's latest text, short leases, and no rate limit in the way.
   */
  private JsonObject overlay(String simulatorUrl, Instant firstSlot) {
    JsonObject platforms = new JsonObject();
    for (String platform : List.of("x", "facebook", "instagram", "linkedin", "tiktok")) {
      platforms.put(platform, new JsonObject().put("baseUrl", simulatorUrl + "/" + platform));
    }
    JsonObject unlimited = new JsonObject().put("requests", 1_000_000).put("periodSeconds", 60);
    platforms.getJsonObject("linkedin").put("rateLimit", unlimited);
    platforms.getJsonObject("tiktok").put("rateLimit", unlimited).put("statusPollMs", 250)
        .put("statusPollAttempts", 4 * PROCESSING_MS / 250);
    JsonArray accounts = new JsonArray();
    for (int i = 1; i <= ACCOUNTS; i++) {
      accounts.add(account("crash-linkedin-" + i, "linkedin", "urn:li:organization:" + (7_000_000 + i)));
      accounts.add(account("crash-tiktok-" + i, "tiktok", String.valueOf(7_100_000_000L + i)));
    }
    JsonObject brand = new JsonObject().put("id", "crash").put("name", "Crash Test Roasters").put("timeZone", "UTC")
        .put("accounts", accounts);
    JsonObject campaign = new JsonObject().put("id", "crash-campaign").put("brand", "crash").put("name", "Crash")
        .put("brief", "A new single-origin espresso roast, out this week in every shop.")
        // Inputs rich enough that no post of an account reads like its recent ones, which review rejects.
        .put("keyMessages", new JsonArray(List.of("roasted every Tuesday", "notes of cocoa and cherry",
            "grown at 1,900 metres in Huila", "the farm is paid well above fair-trade prices", "a crema that lasts",
            "best as a flat white", "sold in 250 g bags", "ground to order in every shop")))
        .put("hashtags", new JsonArray(List.of("#Espresso", "#Coffee", "#SingleOrigin")))
        .put("trends", new JsonArray(List.of("slow mornings", "home baristas", "first frost", "weekend brunch")))
        .put("callToAction", "Find it in your nearest shop")
        .put("platforms", new JsonArray(PLATFORMS))
        .put("media", new JsonArray().add("crash-espresso.jpg"))
        .put("calendar", new JsonObject().put("everySeconds", 1).put("startsAt", firstSlot.toString()).put("maxSlots", SLOTS));
    return new JsonObject()
        .put("http", new JsonObject().put("port", 0))
        .put("database", database.databaseConfig())
        .put("leader", new JsonObject().put("planIntervalMs", 1000).put("planHorizonSeconds", 3600))
        .put("pipeline", new JsonObject().put("pollIntervalMs", 100).put("batchSize", 100).put("leaseSeconds", 5))
        .put("scheduling", new JsonObject().put("jitterSeconds", 0).put("minSpacingSeconds", 0))
        .put("review", new JsonObject().put("nearDuplicate", new JsonObject().put("recentPosts", 1).put("threshold", 1.0)))
        .put("rateLimit", new JsonObject().put("keyPrefix", "chorus:rl:crash-" + UUID.randomUUID() + ":"))
        .put("media", new JsonObject().put("baseUrl", simulatorUrl + "/media"))
        .put("platforms", platforms)
        .put("brands", new JsonArray().add(brand))
        .put("campaigns", new JsonArray().add(campaign));
  }

  private static JsonObject account(String id, String platform, String externalId) {
    return new JsonObject().put("id", id).put("platform", platform).put("handle", "Crash " + id)
        .put("externalId", externalId).put("accessToken", "demo:" + id);
  }

  /** Polls a condition on the test thread until it holds or the time runs out. */
  private record Deadline(Instant at) {
    static Deadline of(Duration timeout) {
      return new Deadline(Instant.now().plus(timeout));
    }

    void await(String what, Check condition, Describe state) throws Exception {
      while (!condition.holds()) {
        if (Instant.now().isAfter(at)) {
          throw new AssertionError("timed out waiting for " + what + "; " + state.describe());
        }
        Thread.sleep(250);
      }
    }

    interface Check {
      boolean holds() throws Exception;
    }

    interface Describe {
      String describe() throws Exception;
    }
  }
}
