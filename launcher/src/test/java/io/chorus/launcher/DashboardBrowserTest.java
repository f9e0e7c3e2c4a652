package io.chorus.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.chorus.config.ChorusConfig;
import io.chorus.config.ConfigSource;
import io.chorus.contracts.Contracts;
import io.chorus.testkit.TestDatabase;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real headless Chromium, against the demo stack in-process (real PostgreSQL
 * and Redis, the simulator for the platforms), with a bootstrap token and a brand whose posts
 * wait for a person's approval.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
@DisplayName("The dashboard in a browser")
class DashboardBrowserTest {
  private static final String TOKEN = "browser-test-bootstrap-token";
  private static final Duration WAIT = Duration.ofSeconds(60);
  /**
   * The demo brand, with human approval, and a one-slot campaign on two platforms. The slot is a
   * minute long, so a busy machine's slow first planning round does not find it already past.
   */
  private static final String OVERLAY = """
      brands:
        - id: northwind
          name: Northwind Coffee Roasters
          timeZone: Europe/Paris
          voice: warm, curious and plain-spoken; never pushy
          approval: human
          bannedWords: [cheap, guaranteed]
          disclosure: "#ad"
          allowedLinkDomains: [northwind.example]
          maxHashtags: 6
          maxMentions: 3
          accounts:
            - {id: northwind-x, platform: x, handle: "@northwindcoffee", externalId: "1600000000000000001", accessToken: "demo:northwind-x"}
            - {id: northwind-linkedin, platform: linkedin, handle: Northwind Coffee Roasters, externalId: "urn:li:organization:5550001", accessToken: "demo:northwind-linkedin"}
      campaigns:
        - id: autumn-harvest
          brand: northwind
          name: Autumn Harvest Blend
          brief: Launch of the Autumn Harvest Blend, a medium roast with notes of baked apple and caramel.
          keyMessages: [roasted in small batches every Tuesday]
          hashtags: ["#AutumnHarvest"]
          trends: [cosy mornings]
          callToAction: Find it at northwind.example/autumn
          platforms: [x, linkedin]
          media: [autumn-harvest-1.jpg]
          calendar: {everySeconds: 60, maxSlots: 1}
      """;

  private Path overlay;
  private Vertx vertx;
  private TestDatabase database;
  private Demo demo;
  private WebDriver browser;
  private String base;

  @BeforeAll
  void startStackAndBrowser() throws Exception {
    vertx = Vertx.vertx();
    Contracts.registerCodecs(vertx);
    database = TestDatabase.createSchema(getClass());
    overlay = Files.writeString(Files.createTempFile("chorus-browser", ".yaml"), OVERLAY);
    Path confDir = Path.of(System.getProperty("chorus.conf.dir"));
    Map<String, Object> overrides = new HashMap<>();
    overrides.put("http.port", 0);
    overrides.put("simulator.port", 0);
    overrides.put("database.schema", database.schema());
    overrides.put("database.embeddedFallback", false);
    // The machine running the tests may be busy; a slow first connection is not a failure here.
    overrides.put("database.connectTimeoutMs", 10_000);
    overrides.put("redis.connectTimeoutMs", 5_000);
    overrides.put("redis.commandTimeoutMs", 5_000);
    overrides.put("auth.bootstrapToken", TOKEN);
    overrides.put("leader.planIntervalMs", 200);
    overrides.put("pipeline.pollIntervalMs", 50);
    overrides.put("metrics.liveIntervalMs", 200);
    overrides.put("sse.agentHealthIntervalMs", 500);
    overrides.put("rateLimit.keyPrefix", "chorus:rl:" + database.schema() + ":");
    overrides.put("session.keyPrefix", "chorus:test:" + database.schema() + ":session:");
    demo = Demo.start(vertx, extra -> ChorusConfig.load(vertx,
            new ConfigSource(confDir, "demo", overlay, Map.of(), Map.of(), extra)), overrides)
        .toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);
    base = "http://127.0.0.1:" + demo.node().webPort();
    browser = Chromium.start();
  }

  @AfterAll
  void stopAll() throws Exception {
    if (browser != null) {
      browser.quit();
    }
    if (demo != null) {
      demo.stop().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
    vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    database.close();
    Files.deleteIfExists(overlay);
  }

  @Test
  @DisplayName("sends a visitor to sign in, and a pasted token opens the dashboard with an HttpOnly session cookie")
  void signsIn() {
    signIn();
    WebDriverWait wait = new WebDriverWait(browser, WAIT);
    wait.until(ExpectedConditions.textToBe(By.id("whoami"), "signed in as token:bootstrap"));
    Cookie session = browser.manage().getCookieNamed("chorus_session");
    assertThat(session).isNotNull();
    assertThat(session.isHttpOnly()).isTrue();
    assertThat(session.getSameSite()).isEqualTo("Strict");
    assertThat(browser.findElement(By.id("signout")).isDisplayed()).isTrue();
  }

  @Test
  @DisplayName("draws live metrics from the event stream into the chart")
  void chartFollowsTheStream() {
    signIn();
    WebDriverWait wait = new WebDriverWait(browser, WAIT);
    wait.until(ExpectedConditions.attributeToBeNotEmpty(browser.findElement(By.id("chart")), "data-points"));
    wait.until(driver -> points() >= 1);
    int first = points();
    wait.until(driver -> points() > first);
    assertThat(browser.findElements(By.cssSelector("#chart canvas"))).isNotEmpty();
    assertThat(browser.findElement(By.id("connection")).getText()).isEqualTo("Live");
  }

  @Test
  @DisplayName("approves a post from the inbox and then shows it published, with its history")
  void approvesFromTheInbox() {
    signIn();
    browser.get(base + "/#inbox");
    WebDriverWait wait = new WebDriverWait(browser, WAIT);
    WebElement item;
    try {
      item = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("li.review-item")));
    } catch (org.openqa.selenium.TimeoutException empty) {
      Object posts = ((org.openqa.selenium.JavascriptExecutor) browser).executeAsyncScript(
          "var done = arguments[0]; fetch('/api/v1/posts?limit=50').then(r => r.text()).then(done);");
      throw new AssertionError("no post reached the inbox; the inbox says '" + browser.findElement(By.id("inbox")).getText()
          + "' and the posts are " + posts, empty);
    }
    String postId = item.getAttribute("data-post-id");
    item.findElement(By.cssSelector("button.approve")).click();
    wait.until(ExpectedConditions.textToBePresentInElement(item.findElement(By.cssSelector(".outcome")), "Approved"));

    browser.get(base + "/#post/" + postId);
    wait.until(ExpectedConditions.textToBe(By.cssSelector("#post-state .state"), "published"));
    String history = browser.findElement(By.id("post-events")).getText();
    assertThat(history).contains("in review", "approved", "published");
  }

  private void signIn() {
    browser.manage().deleteAllCookies();
    browser.get(base + "/");
    WebDriverWait wait = new WebDriverWait(browser, WAIT);
    wait.until(ExpectedConditions.urlToBe(base + "/signin"));
    browser.findElement(By.id("token")).sendKeys(TOKEN);
    browser.findElement(By.id("signin")).click();
    try {
      wait.until(ExpectedConditions.urlMatches("^" + base + "/(#.*)?$"));
    } catch (org.openqa.selenium.TimeoutException stuck) {
      throw new AssertionError("sign-in did not lead to the dashboard; the page says: "
          + browser.findElement(By.tagName("body")).getText(), stuck);
    }
    wait.until(ExpectedConditions.textMatches(By.id("whoami"), java.util.regex.Pattern.compile("signed in as .+")));
  }

  private int points() {
    String value = browser.findElement(By.id("chart")).getAttribute("data-points");
    return value == null || value.isEmpty() ? 0 : Integer.parseInt(value);
  }

  /** Debian's headless Chromium and its chromedriver, as bin/test installs them. */
  static final class Chromium {
    static final Path BINARY = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    static WebDriver start() {
      if (!Files.isExecutable(BINARY) || !Files.isExecutable(DRIVER)) {
        throw new IllegalStateException("the browser tests need Chromium and chromedriver at " + BINARY + " and "
            + DRIVER + "; bin/test installs them, or run: apt-get install -y chromium chromium-driver");
      }
      ChromeOptions options = new ChromeOptions()
          .setBinary(BINARY.toFile())
          .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900");
      ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
          .usingAnyFreePort().build();
      return new ChromeDriver(service, options);
    }
  }
}
