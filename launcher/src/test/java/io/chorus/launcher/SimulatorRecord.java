package io.chorus.launcher;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** What a simulator process received, read from its {@code /_simulator} endpoints on the test thread. */
final class SimulatorRecord {
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String baseUrl;

  SimulatorRecord(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  /** Posts received on every platform; exact even when the list of posts has been trimmed. */
  long totalPosts() throws IOException, InterruptedException {
    JsonObject platforms = get("/_simulator/stats").getJsonObject("platforms");
    return platforms.fieldNames().stream().mapToLong(name -> platforms.getJsonObject(name).getLong("posts")).sum();
  }

  /** The posts received, oldest first: platform, account, id, text, mediaUrls, receivedAt. */
  JsonArray posts() throws IOException, InterruptedException {
    return get("/_simulator/posts").getJsonArray("items");
  }

  private JsonObject get(String path) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(10)).build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException("GET " + path + " answered " + response.statusCode() + ": " + response.body());
    }
    return new JsonObject(response.body());
  }
}
