package io.chorus.web;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** A minimal Server-Sent Events reader over a real HTTP connection, recording what arrives. */
public final class SseTestClient {
  /** One event as received. */
  public record Event(String id, String name, JsonObject data) {}

  private final HttpClient http;
  private final HttpClientResponse response;
  private final List<Event> events = new CopyOnWriteArrayList<>();
  private final List<String> comments = new CopyOnWriteArrayList<>();
  private final List<String> retries = new CopyOnWriteArrayList<>();
  private final StringBuilder pending = new StringBuilder();

  private SseTestClient(HttpClient http, HttpClientResponse response) {
    this.http = http;
    this.response = response;
    response.handler(this::onChunk);
  }

  /** Opens {@code path} on the verticle; the future fails unless the answer is a 200 event stream. */
  public static Future<SseTestClient> open(Vertx vertx, WebVerticle web, String path) {
    return open(vertx, web, path, Map.of());
  }

  /** Opens {@code path} with extra request headers, such as {@code Last-Event-ID} or {@code Cookie}. */
  public static Future<SseTestClient> open(Vertx vertx, WebVerticle web, String path, Map<String, String> headers) {
    HttpClient http = vertx.createHttpClient();
    RequestOptions request = new RequestOptions()
        .setMethod(HttpMethod.GET).setHost(WebTestSupport.HOST).setPort(web.actualPort()).setURI(path)
        .putHeader("Accept", "text/event-stream");
    headers.forEach(request::putHeader);
    return http.request(request)
        .compose(req -> req.send())
        .compose(resp -> resp.statusCode() == 200
            ? Future.succeededFuture(new SseTestClient(http, resp))
            : resp.body().compose(body -> Future.failedFuture(resp.statusCode() + " " + body)));
  }

  public HttpClientResponse response() {
    return response;
  }

  public List<Event> events() {
    return events;
  }

  public List<Event> events(String name) {
    return events.stream().filter(e -> e.name().equals(name)).toList();
  }

  public List<String> comments() {
    return comments;
  }

  public List<String> retries() {
    return retries;
  }

  /** Stops reading, so the server's writes pile up as for a client on a slow network. */
  public void stopReading() {
    response.pause();
  }

  public Future<Void> close() {
    return http.close();
  }

  private void onChunk(Buffer chunk) {
    pending.append(chunk.toString());
    int end;
    while ((end = pending.indexOf("\n\n")) >= 0) {
      String frame = pending.substring(0, end);
      pending.delete(0, end + 2);
      parse(frame);
    }
  }

  private void parse(String frame) {
    String id = null;
    String name = "message";
    StringBuilder data = new StringBuilder();
    for (String line : frame.split("\n")) {
      if (line.startsWith(":")) {
        comments.add(line.substring(1).trim());
      } else if (line.startsWith("retry:")) {
        retries.add(line.substring(6).trim());
      } else if (line.startsWith("id:")) {
        id = line.substring(3).trim();
      } else if (line.startsWith("event:")) {
        name = line.substring(6).trim();
      } else if (line.startsWith("data:")) {
        data.append(line.substring(5).trim());
      }
    }
    if (data.length() > 0) {
      events.add(new Event(id, name, new JsonObject(data.toString())));
    }
  }
}
