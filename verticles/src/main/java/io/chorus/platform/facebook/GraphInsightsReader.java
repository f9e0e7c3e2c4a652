package io.chorus.platform.facebook;

import io.chorus.contracts.ChorusError;
import io.chorus.platform.insights.InsightsRead;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads Graph API objects one by one, in parallel, into an {@link InsightsRead}: an object Graph
 * says does not exist (code 100, subcode 33, "does not exist") is missing; a throttle or outage fails the whole
 * read, so the breaker and the collector's schedule see it; any other refusal fails that object.
 */
public final class GraphInsightsReader {

  private GraphInsightsReader() {}

  /** Reads every id with {@code read}, which yields the object's normalised metrics. */
  public static Future<InsightsRead> readEach(List<String> ids, Function<String, Future<Map<String, Long>>> read) {
    Map<String, Future<Map<String, Long>>> reads = new LinkedHashMap<>();
    ids.forEach(id -> reads.put(id, read.apply(id)));
    return Future.join(List.copyOf(reads.values())).transform(done -> {
      Map<String, Map<String, Long>> values = new HashMap<>();
      List<String> missing = new ArrayList<>();
      List<String> failed = new ArrayList<>();
      for (Map.Entry<String, Future<Map<String, Long>>> entry : reads.entrySet()) {
        Future<Map<String, Long>> outcome = entry.getValue();
        if (outcome.succeeded()) {
          values.put(entry.getKey(), outcome.result());
          continue;
        }
        ChorusError error = ChorusError.from(outcome.cause());
        if (error.retryable()) {
          return Future.failedFuture(outcome.cause());
        }
        if (error.message().contains("does not exist")) {
          missing.add(entry.getKey());
        } else {
          failed.add(entry.getKey());
        }
      }
      return Future.succeededFuture(new InsightsRead(values, missing, failed));
    });
  }

  /** The lifetime value of each metric of an insights answer {@code {"data":[{"name","values":[{"value"}]}]}}. */
  public static Map<String, Object> lifetime(JsonObject insights) {
    Map<String, Object> byName = new HashMap<>();
    for (Object item : insights.getJsonArray("data", new JsonArray())) {
      JsonObject metric = (JsonObject) item;
      JsonArray values = metric.getJsonArray("values", new JsonArray());
      if (!values.isEmpty()) {
        byName.put(metric.getString("name"), values.getJsonObject(values.size() - 1).getValue("value"));
      }
    }
    return byName;
  }

  /** A number, or the sum of a breakdown object's numbers (reactions by type). */
  public static Long total(Object value) {
    if (value instanceof Number number) {
      return number.longValue();
    }
    if (value instanceof JsonObject breakdown) {
      long sum = 0;
      for (String key : breakdown.fieldNames()) {
        if (breakdown.getValue(key) instanceof Number number) {
          sum += number.longValue();
        }
      }
      return sum;
    }
    return null;
  }
}
