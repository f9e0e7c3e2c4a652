package io.chorus.simulator.meta;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The Graph API insights edge {@code GET /{object-id}/insights?metric=a,b}: one
 * {@code {"name","period":"lifetime","values":[{"value"}],"title","description","id"}} per metric
 * asked, error 100 for a metric the object does not have (deprecated ones included), and
 * 3001/1504028 when no metric is named.
 */
public final class GraphInsights {

  private GraphInsights() {}

  /**
   * Answers the insights of one object.
   *
   * @param titles the metrics the object has, with their titles
   * @param value a metric's current lifetime value (a number, or an object for breakdowns)
   */
  public static void answer(RoutingContext ctx, GraphParams params, String objectId, Map<String, String> titles,
      Function<String, Object> value) {
    String metricParam = params.get("metric");
    if (metricParam == null) {
      GraphErrors.send(ctx, 400, GraphErrors.error("(#3001) Invalid query: No metric was specified",
          "OAuthException", 3001).put("error_subcode", 1504028));
      return;
    }
    List<String> metrics = Arrays.stream(metricParam.split(",")).map(String::trim).toList();
    for (int i = 0; i < metrics.size(); i++) {
      if (!titles.containsKey(metrics.get(i))) {
        GraphErrors.invalidParameter(ctx, "metric[" + i + "] must be one of the following values: "
            + String.join(", ", titles.keySet().stream().sorted().toList()));
        return;
      }
    }
    JsonArray data = new JsonArray();
    for (String metric : metrics) {
      data.add(new JsonObject()
          .put("name", metric)
          .put("period", "lifetime")
          .put("values", new JsonArray().add(new JsonObject().put("value", value.apply(metric))))
          .put("title", titles.get(metric))
          .put("description", "Lifetime: " + titles.get(metric))
          .put("id", objectId + "/insights/" + metric + "/lifetime"));
    }
    GraphErrors.ok(ctx, new JsonObject().put("data", data));
  }
}
