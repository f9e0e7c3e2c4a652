package io.chorus.bench.stream;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The event-stream clients, in a process of their own so that the server's JVM holds only its own
 * end of each connection (a process may open only so many files). {@link StreamBench} drives it
 * over standard input, one command a line, and reads its answers from standard output, each a line
 * starting with {@value #ANSWER} (anything else there is a log line):
 * <ul>
 *   <li>{@code connect <n>}: opens n plain HTTP/1.1 connections reading {@code GET /api/v1/stream};
 *       answers {@code connected <opened> <refused>} once every attempt has ended</li>
 *   <li>{@code reset}: forgets what was read so far; answers {@code reset}</li>
 *   <li>{@code report}: answers {@code report <events read> <p50 µs> <p99 µs> <max µs>} over every
 *       metrics event read since the reset (delay from the {@code at} the publisher wrote to the
 *       moment this process read it), then closes the connections</li>
 *   <li>{@code quit}</li>
 * </ul>
 */
public final class StreamClients {
  static final String ANSWER = "clients: ";
  private static final String HOST = "127.0.0.1";

  private StreamClients() {}

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
    BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    Level level = null;
    String command;
    while ((command = commands.readLine()) != null) {
      String[] words = command.trim().split(" ");
      switch (words[0]) {
        case "connect" -> {
          level = new Level(vertx, Integer.parseInt(words[1]));
          level.connect(port);
          answer("connected " + level.opened.get() + " " + level.refused.get());
        }
        case "reset" -> {
          level.reset();
          answer("reset");
        }
        case "report" -> {
          answer("report " + level.summary());
          level.close();
        }
        case "quit" -> {
          vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
          return;
        }
        default -> throw new IllegalArgumentException("unknown command: " + command);
      }
    }
  }

  private static void answer(String line) {
    System.out.println(ANSWER + line);
    System.out.flush();
  }

  /** The clients of one level and what they read. */
  private static final class Level {
    private final int count;
    private final HttpClient http;
    private final AtomicInteger opened = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private final List<Long> latencies = new ArrayList<>();

    Level(Vertx vertx, int count) {
      this.count = count;
      this.http = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true),
          new PoolOptions().setHttp1MaxSize(count));
    }

    void connect(int port) throws Exception {
      List<Future<?>> opening = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        opening.add(http.request(HttpMethod.GET, port, HOST, "/api/v1/stream")
            .compose(request -> request.send())
            .onSuccess(response -> {
              if (response.statusCode() != 200) {
                refused.incrementAndGet();
                return;
              }
              opened.incrementAndGet();
              StringBuilder pending = new StringBuilder();
              response.handler(chunk -> read(pending, chunk));
            })
            .onFailure(failure -> refused.incrementAndGet()));
        if (i % 500 == 499) {
          // Let the accept queue drain; thousands of simultaneous connects overflow its backlog.
          Thread.sleep(100);
        }
      }
      Future.join(opening).otherwiseEmpty().toCompletionStage().toCompletableFuture().get(180, TimeUnit.SECONDS);
    }

    private void read(StringBuilder pending, Buffer chunk) {
      pending.append(chunk.toString());
      int end;
      while ((end = pending.indexOf("\n\n")) >= 0) {
        String frame = pending.substring(0, end);
        pending.delete(0, end + 2);
        int data = frame.indexOf("data: ");
        if (frame.contains("event: metrics") && data >= 0) {
          Instant sent = Instant.parse(new JsonObject(frame.substring(data + 6)).getString("at"));
          long micros = TimeUnit.NANOSECONDS.toMicros(Duration.between(sent, Instant.now()).toNanos());
          synchronized (latencies) {
            latencies.add(micros);
          }
        }
      }
    }

    void reset() {
      synchronized (latencies) {
        latencies.clear();
      }
    }

    String summary() {
      long[] sorted;
      synchronized (latencies) {
        sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
      }
      if (sorted.length == 0) {
        return "0 -1 -1 -1";
      }
      return "%d %d %d %d".formatted(sorted.length, quantile(sorted, 0.50), quantile(sorted, 0.99),
          sorted[sorted.length - 1]);
    }

    private static long quantile(long[] sorted, double q) {
      return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
    }

    void close() throws Exception {
      http.close().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }
  }
}
