package io.chorus.simulator.meta;

import io.chorus.simulator.record.RecordedPost;
import io.chorus.simulator.support.Page;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.BiFunction;

/**
 * A Graph API list edge (a Page's {@code feed}, an IG user's {@code media}): newest first,
 * {@code limit} (at most 100), {@code since} (unix seconds) and cursor paging with {@code after}.
 */
public final class GraphEdge {
  /** Graph writes times as {@code 2026-11-24T06:00:00+0000}. */
  public static final DateTimeFormatter GRAPH_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxx")
      .withZone(ZoneOffset.UTC);
  private static final int DEFAULT_LIMIT = 25;
  private static final int MAX_LIMIT = 100;

  private GraphEdge() {
  }

  /** Answers one page of {@code posts}, each rendered by {@code render} with the requested fields (400 on bad paging). */
  public static void answer(RoutingContext ctx, GraphParams params, List<RecordedPost> posts,
      BiFunction<RecordedPost, List<String>, JsonObject> render) {
    int limit;
    Instant since;
    try {
      limit = Math.min(MAX_LIMIT, Integer.parseInt(params.get("limit", String.valueOf(DEFAULT_LIMIT))));
      String sinceParam = params.get("since");
      since = sinceParam == null ? null : Instant.ofEpochSecond(Long.parseLong(sinceParam));
    } catch (NumberFormatException e) {
      GraphErrors.invalidParameter(ctx, "Param limit and since must be integers");
      return;
    }
    if (limit < 1) {
      GraphErrors.invalidParameter(ctx, "Param limit must be a positive integer");
      return;
    }
    Page<RecordedPost> page = Page.of(posts, RecordedPost::receivedAt, since, params.get("after"), limit);
    List<String> fields = List.of(params.get("fields", "").split(","));
    JsonArray data = new JsonArray();
    page.items().forEach(post -> data.add(render.apply(post, fields.stream().map(String::trim).toList())));
    JsonObject body = new JsonObject().put("data", data);
    if (!page.items().isEmpty()) {
      JsonObject cursors = new JsonObject().put("before", Page.encode(page.offset()))
          .put("after", Page.encode(page.offset() + page.items().size()));
      JsonObject paging = new JsonObject().put("cursors", cursors);
      if (page.next() != null) {
        String here = ctx.request().absoluteURI().replaceAll("\\?.*$", "");
        paging.put("next", here + "?limit=" + limit + "&after=" + page.next());
      }
      body.put("paging", paging);
    }
    GraphErrors.ok(ctx, body);
  }

  /** When the post was made, as Graph writes it. */
  public static String time(RecordedPost post) {
    return GRAPH_TIME.format(post.receivedAt());
  }
}
