package io.chorus.simulator.linkedin;

import io.chorus.simulator.SimulatorOptions;
import io.chorus.simulator.record.RecordedPost;
import io.chorus.simulator.record.Recorder;
import io.chorus.simulator.support.Bearer;
import io.chorus.simulator.support.Grants;
import io.chorus.simulator.support.Ids;
import io.chorus.simulator.support.RateWindow;
import io.chorus.simulator.support.SimulatedPlatform;
import io.chorus.simulator.support.TokenExchange;
import io.vertx.core.Vertx;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * LinkedIn's versioned Posts API: strict headers, a 201 with an empty body, daily quotas reset at
 * midnight UTC, article and uploaded-image content, the Images API upload, the find-by-author
 * finder, and the OAuth token endpoint (which LinkedIn serves on www.linkedin.com; here under the
 * same prefix).
 */
public final class LinkedInPlatform implements SimulatedPlatform {

  private static final long ONE_DAY = 24 * 60 * 60 * 1000L;
  /** LinkedIn's refresh tokens live a year. */
  private static final long REFRESH_TOKEN_SECONDS = 365L * 24 * 60 * 60;
  private static final int MAX_COMMENTARY = 3000;
  private static final Pattern AUTHOR = Pattern.compile("urn:li:(person|organization):[A-Za-z0-9_-]+");
  private static final Set<String> VISIBILITIES = Set.of("PUBLIC", "CONNECTIONS", "LOGGED_IN", "CONTAINER");
  private static final Set<String> LIFECYCLES = Set.of("PUBLISHED", "DRAFT");

  private final Router router;
  private final Recorder recorder;
  private final Ids ids;
  private final RateWindow posts;
  private final ImageUploads uploads;
  private final Grants grants;
  /**
   * The author each token first posted as: a token stands for one member or organization, so
   * posting as another author is the 403 LinkedIn gives without the admin role.
   */
  private final Map<String, String> authorByToken = new HashMap<>();

  public LinkedInPlatform(Vertx vertx, SimulatorOptions options, Recorder recorder, Ids ids) {
    this.recorder = recorder;
    this.ids = ids;
    this.posts = new RateWindow(options.getLinkedinPostsPerDay(), ONE_DAY, true);
    this.uploads = new ImageUploads(ids);
    this.grants = new Grants(options.getAccessTokenTtlSeconds());
    this.router = Router.router(vertx);
    router.route().handler(grants.authenticator(Bearer::raw, LinkedInErrors::refusedToken));
    router.post("/oauth/v2/accessToken").handler(new TokenExchange(grants, "client_id", true,
        pair -> pair.put("refresh_token_expires_in", REFRESH_TOKEN_SECONDS),
        new JsonObject().put("error", "invalid_request")
            .put("error_description", "The provided authorization grant or refresh token is invalid, expired or revoked")));
    router.post("/rest/posts").handler(this::createPost);
    router.post("/rest/images").handler(this::images);
    router.put("/dms-uploads/:id").handler(uploads::upload);
    router.get("/rest/posts").handler(this::findByAuthor);
    new LinkedInEngagement(recorder, ids).mount(router);
    router.route().handler(LinkedInErrors::notFound);
  }

  @Override
  public String id() {
    return "linkedin";
  }

  @Override
  public Router router() {
    return router;
  }

  @Override
  public Grants grants() {
    return grants;
  }

  @Override
  public void reset() {
    posts.clear();
    grants.clear();
    authorByToken.clear();
    uploads.clear();
  }

  private void createPost(RoutingContext ctx) {
    String token = Bearer.token(ctx);
    if (token == null) {
      LinkedInErrors.unauthorized(ctx);
      return;
    }
    if (!versionAccepted(ctx) || !protocolAccepted(ctx)) {
      return;
    }
    JsonObject body = jsonBody(ctx);
    if (body == null) {
      LinkedInErrors.badBody(ctx);
      return;
    }
    String problem = validate(body);
    String author = body.getValue("author") instanceof String named ? named : null;
    JsonObject content = body.getValue("content") instanceof JsonObject object ? object : null;
    if (problem == null && content != null) {
      problem = contentProblem(content, author);
    }
    if (problem != null) {
      LinkedInErrors.unprocessable(ctx, problem);
    } else if (!authorByToken.computeIfAbsent(token, t -> author).equals(author)) {
      LinkedInErrors.forbidden(ctx, author);
    } else if (!posts.consume(token).allowed()) {
      LinkedInErrors.throttled(ctx);
    } else {
      String urn = "urn:li:share:" + ids.next();
      recorder.post(id(), author, urn, body.getString("commentary", ""), contentUrls(content), kind(content), null, null);
      ctx.response().setStatusCode(201).putHeader("x-restli-id", urn).end();
    }
  }

  /** {@code POST /rest/images?action=initializeUpload}, the one action of the Images API simulated. */
  private void images(RoutingContext ctx) {
    if (Bearer.token(ctx) == null) {
      LinkedInErrors.unauthorized(ctx);
      return;
    }
    if (!versionAccepted(ctx) || !protocolAccepted(ctx)) {
      return;
    }
    if (!"initializeUpload".equals(ctx.request().getParam("action"))) {
      LinkedInErrors.unprocessable(ctx, "action :: only initializeUpload is supported");
      return;
    }
    String here = ctx.request().absoluteURI().replaceAll("/rest/images.*$", "");
    uploads.initialize(ctx, jsonBody(ctx), here);
  }

  /** Why the post's content cannot be accepted, or null: one of an uploaded image or an article link. */
  private String contentProblem(JsonObject content, String author) {
    if (content.getValue("media") instanceof JsonObject media) {
      return media.getValue("id") instanceof String urn ? uploads.problem(urn, author)
          : "/content/media/id :: field is required but not found and has no default value";
    }
    if (content.getValue("article") instanceof JsonObject article) {
      Object source = article.getValue("source");
      return source instanceof String url && url.matches("https?://\\S+") ? null
          : "/content/article/source :: must be an http(s) URL";
    }
    return "/content :: must hold one of media, article, multiImage or poll";
  }

  private static String kind(JsonObject content) {
    if (content == null) {
      return RecordedPost.POST;
    }
    return content.containsKey("article") ? "article" : "image";
  }

  private static List<String> contentUrls(JsonObject content) {
    if (content == null) {
      return List.of();
    }
    if (content.getValue("article") instanceof JsonObject article) {
      return List.of(article.getString("source"));
    }
    return List.of(content.getJsonObject("media").getString("id"));
  }

  /** The finder {@code GET /rest/posts?q=author&author={urn}&start=&count=}: the author's posts, newest first. */
  private void findByAuthor(RoutingContext ctx) {
    String token = Bearer.token(ctx);
    if (token == null) {
      LinkedInErrors.unauthorized(ctx);
      return;
    }
    if (!versionAccepted(ctx) || !protocolAccepted(ctx)) {
      return;
    }
    String author = ctx.request().getParam("author", "");
    if (!"author".equals(ctx.request().getParam("q")) || !AUTHOR.matcher(author).matches()) {
      LinkedInErrors.unprocessable(ctx, "the finder needs q=author and a person or organization URN as author");
      return;
    }
    if (!authorByToken.getOrDefault(token, author).equals(author)) {
      LinkedInErrors.forbidden(ctx, author);
      return;
    }
    int start = Math.max(0, intParam(ctx, "start", 0));
    int count = Math.min(100, Math.max(1, intParam(ctx, "count", 10)));
    List<RecordedPost> all = recorder.recent(id(), author);
    JsonArray elements = new JsonArray();
    all.stream().skip(start).limit(count).forEach(post -> elements.add(new JsonObject()
        .put("id", post.id())
        .put("author", author)
        .put("commentary", post.text())
        .put("visibility", "PUBLIC")
        .put("lifecycleState", "PUBLISHED")
        .put("createdAt", post.receivedAt().toEpochMilli())
        .put("publishedAt", post.receivedAt().toEpochMilli())
        .put("lastModifiedAt", post.receivedAt().toEpochMilli())));
    JsonObject paging = new JsonObject().put("start", start).put("count", count).put("total", all.size())
        .put("links", new JsonArray());
    ctx.response().putHeader("Content-Type", "application/json")
        .end(new JsonObject().put("paging", paging).put("elements", elements).encode());
  }

  private static int intParam(RoutingContext ctx, String name, int fallback) {
    try {
      return Integer.parseInt(ctx.request().getParam(name, String.valueOf(fallback)));
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  /** Versions are YYYYMM and cannot be later than the current month; false after answering 426. */
  static boolean versionAccepted(RoutingContext ctx) {
    String version = ctx.request().getHeader("LinkedIn-Version");
    if (version == null || version.isBlank()) {
      LinkedInErrors.missingVersion(ctx);
      return false;
    }
    try {
      YearMonth month = YearMonth.parse(version.trim(), DateTimeFormatter.ofPattern("yyyyMM"));
      if (!month.isAfter(YearMonth.now(ZoneOffset.UTC))) {
        return true;
      }
    } catch (DateTimeParseException e) {
      // reported like an unknown version, as LinkedIn does
    }
    LinkedInErrors.inactiveVersion(ctx, version);
    return false;
  }

  static boolean protocolAccepted(RoutingContext ctx) {
    if ("2.0.0".equals(ctx.request().getHeader("X-Restli-Protocol-Version"))) {
      return true;
    }
    LinkedInErrors.badProtocol(ctx);
    return false;
  }

  /** The first field error in the post, or null when it may be created. */
  private static String validate(JsonObject body) {
    String author = body.getValue("author") instanceof String s ? s : null;
    if (author == null) {
      return "/author :: field is required but not found and has no default value";
    }
    if (!AUTHOR.matcher(author).matches()) {
      return "/author :: " + author + " is not a valid person or organization URN";
    }
    Object commentary = body.getValue("commentary", "");
    if (!(commentary instanceof String text) || text.length() > MAX_COMMENTARY) {
      return "/commentary :: must be a string of at most " + MAX_COMMENTARY + " characters";
    }
    if (!VISIBILITIES.contains(String.valueOf(body.getValue("visibility", "PUBLIC")))) {
      return "/visibility :: is not one of " + VISIBILITIES;
    }
    if (!LIFECYCLES.contains(String.valueOf(body.getValue("lifecycleState", "PUBLISHED")))) {
      return "/lifecycleState :: is not one of " + LIFECYCLES;
    }
    return null;
  }

  private static JsonObject jsonBody(RoutingContext ctx) {
    try {
      return ctx.body().asJsonObject();
    } catch (DecodeException | ClassCastException e) {
      return null;
    }
  }
}
