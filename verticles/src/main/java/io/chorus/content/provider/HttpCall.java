package io.chorus.content.provider;

import io.chorus.content.provider.sse.SseCollector;
import io.chorus.content.provider.sse.SseEvent;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.codec.BodyCodec;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One provider HTTP call, plain or streamed, bounded by the idle timeout (silence before the
 * first byte and between chunks) and by the overall deadline; failures without an answer become
 * {@link ProviderException} outages.
 */
public final class HttpCall {

  /** What came back: status, headers, the whole body (plain or error), and the events of a stream. */
  public record Answer(int status, MultiMap headers, Buffer body, List<SseEvent> events) {

    public boolean ok() {
      return status / 100 == 2;
    }
  }

  private HttpCall() {
  }

  public static Future<Answer> send(HttpRequest<Buffer> request, JsonObject body, ProviderOptions options,
      boolean stream) {
    request.connectTimeout(options.getConnectTimeoutMs()).idleTimeout(options.getIdleTimeoutMs());
    Future<Answer> answer;
    if (stream) {
      SseCollector collector = new SseCollector();
      answer = request.as(BodyCodec.pipe(collector))
          .putHeader("Accept", "text/event-stream")
          .sendJsonObject(body)
          .map(response -> new Answer(response.statusCode(), response.headers(), collector.raw(), collector.events()));
    } else {
      answer = request.putHeader("Accept", "application/json").sendJsonObject(body)
          .map(HttpCall::plain);
    }
    return answer
        .timeout(options.getDeadlineMs(), TimeUnit.MILLISECONDS)
        .recover(failure -> Future.failedFuture(failure instanceof ProviderException
            ? failure
            : ProviderException.outage(options.getName() + " did not answer: " + describe(failure))));
  }

  private static Answer plain(HttpResponse<Buffer> response) {
    Buffer body = response.body() == null ? Buffer.buffer() : response.body();
    return new Answer(response.statusCode(), response.headers(), body, List.of());
  }

  private static String describe(Throwable failure) {
    if (failure instanceof TimeoutException) {
      return "deadline passed";
    }
    String message = failure.getMessage();
    return message == null ? failure.getClass().getSimpleName() : message;
  }
}
