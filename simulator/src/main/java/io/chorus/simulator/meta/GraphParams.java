package io.chorus.simulator.meta;

import io.chorus.simulator.support.Bearer;
import io.chorus.simulator.support.Grants;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.HashMap;
import java.util.Map;

/** Graph API parameters, which may arrive in the query string, a form body or a JSON body. */
public final class GraphParams {

  private final Map<String, String> values;

  private GraphParams(Map<String, String> values) {
    this.values = values;
  }

  /** Merges query, form and JSON parameters; later sources win, as the body is the more deliberate one. */
  public static GraphParams of(RoutingContext ctx) {
    Map<String, String> values = new HashMap<>();
    ctx.queryParams().forEach(values::put);
    ctx.request().formAttributes().forEach(values::put);
    JsonObject json = jsonBody(ctx);
    json.forEach(entry -> {
      if (entry.getValue() != null) {
        values.put(entry.getKey(), String.valueOf(entry.getValue()));
      }
    });
    return new GraphParams(values);
  }

  public String get(String name) {
    String value = values.get(name);
    return value == null || value.isBlank() ? null : value;
  }

  public String get(String name, String fallback) {
    String value = get(name);
    return value == null ? fallback : value;
  }

  /** The access token from the {@code access_token} parameter or an {@code Authorization: Bearer} header. */
  public String accessToken(RoutingContext ctx) {
    String user = ctx.get(Bearer.USER);
    if (user != null) {
      return user;
    }
    return raw(ctx);
  }

  /** The token exactly as sent in the query, form or header, before {@link Grants} resolved it. */
  public static String raw(RoutingContext ctx) {
    for (String param : new String[] {ctx.request().getParam("access_token"),
        ctx.request().getFormAttribute("access_token")}) {
      if (param != null && !param.isBlank()) {
        return param;
      }
    }
    String header = ctx.request().getHeader("Authorization");
    if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) && !header.substring(7).isBlank()) {
      return header.substring(7).trim();
    }
    return null;
  }

  private static JsonObject jsonBody(RoutingContext ctx) {
    String type = ctx.request().getHeader("Content-Type");
    if (type == null || !type.toLowerCase().contains("json") || ctx.body().length() == 0) {
      return new JsonObject();
    }
    try {
      JsonObject json = ctx.body().asJsonObject();
      return json == null ? new JsonObject() : json;
    } catch (DecodeException | ClassCastException e) {
      // Graph ignores a body it cannot read; the missing parameters are reported instead.
      return new JsonObject();
    }
  }
}
