package io.chorus.web.posts;

import io.chorus.contracts.Addresses;
import io.chorus.contracts.JsonRecordCodec;
import io.chorus.contracts.pipeline.PostCreate;
import io.chorus.contracts.pipeline.PostHistory;
import io.chorus.contracts.pipeline.PostHistoryQuery;
import io.chorus.contracts.pipeline.PostView;
import io.chorus.web.auth.Access;
import io.chorus.web.auth.Actor;
import io.chorus.web.auth.Permission;
import io.chorus.web.auth.Principal;
import io.chorus.web.problem.FieldProblems;
import io.chorus.web.problem.JsonBody;
import io.chorus.web.problem.Problem;
import io.chorus.web.problem.Problems;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;

/**
 * {@code POST /api/v1/posts}, a post a partner or editor wrote, which enters the pipeline to be
 * fitted to its platform, reviewed and scheduled like a planned post; and {@code GET
 * /api/v1/posts/{id}}, one post as the post list shows it. Both only for the caller's brand.
 */
public final class PostsApi {
  private static final String POSTS = "/api/v1/posts";
  private static final Set<String> FIELDS = Set.of("brandId", "accountId", "campaignId", "text", "mediaUrl",
      "scheduledAt");
  static final int MAX_TEXT = 10_000;

  private final EventBus bus;
  private final DeliveryOptions delivery;

  private PostsApi(EventBus bus, long requestTimeoutMs) {
    this.bus = bus;
    this.delivery = new DeliveryOptions().setSendTimeout(requestTimeoutMs);
  }

  /** Mounts the routes; authentication and body parsing of {@code /api/v1/*} come before them. */
  public static void mount(Router router, EventBus bus, long requestTimeoutMs) {
    PostsApi api = new PostsApi(bus, requestTimeoutMs);
    router.post(POSTS).handler(Access.require(Permission.POSTS_WRITE)).handler(api::create);
    router.get(POSTS + "/:id").handler(Access.require(Permission.READ)).handler(api::one);
  }

  private void create(RoutingContext rc) {
    JsonBody body = JsonBody.of(rc).onlyFields(FIELDS);
    String brandId = body.string("brandId", true);
    String accountId = body.string("accountId", true);
    String campaignId = body.string("campaignId", false);
    String text = body.text("text", 1, MAX_TEXT, true);
    String mediaUrl = body.text("mediaUrl", 1, 2048, false);
    if (mediaUrl != null) {
      body.check("mediaUrl", urlProblem(mediaUrl));
    }
    Instant scheduledAt = body.instant("scheduledAt");
    if (!body.errors().isEmpty()) {
      Problems.send(rc, Problem.invalidRequest(body.errors()));
      return;
    }
    if (!Access.brand(rc, brandId)) {
      return;
    }
    PostCreate post = new PostCreate(brandId, accountId, campaignId, text, mediaUrl, scheduledAt, Actor.of(rc));
    bus.<PostView>request(Addresses.PIPELINE_CREATE, post, delivery)
        .onSuccess(reply -> rc.response().setStatusCode(201)
            .putHeader(HttpHeaders.LOCATION, POSTS + "/" + reply.body().id())
            .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
            .end(JsonRecordCodec.toJsonObject(reply.body()).encode()))
        .onFailure(failure -> Problems.send(rc, FieldProblems.fromFailure(failure)));
  }

  private void one(RoutingContext rc) {
    bus.<PostHistory>request(Addresses.PIPELINE_HISTORY, new PostHistoryQuery(rc.pathParam("id")), delivery)
        .onSuccess(reply -> {
          PostView post = reply.body().post();
          // Another brand's post does not exist, as far as this caller can tell.
          if (!Principal.of(rc).mayAccess(post.brandId())) {
            Problems.send(rc, Access.notFound());
            return;
          }
          rc.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
              .end(JsonRecordCodec.toJsonObject(post).encode());
        })
        .onFailure(failure -> Problems.send(rc, Problems.fromFailure(failure)));
  }

  /** What is wrong with a media URL the platform is to fetch, or null. */
  private static String urlProblem(String url) {
    try {
      URI uri = new URI(url.strip());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null) {
        return null;
      }
    } catch (URISyntaxException malformed) {
      // Said below, as for any other URL a platform cannot fetch.
    }
    return "must be an http:// or https:// URL the platform can fetch";
  }
}
