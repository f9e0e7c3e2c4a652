package io.chorus.ratelimit;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;
import java.nio.charset.StandardCharsets;

/**
 * A TCP relay in front of the real Redis: it records the commands it passes on, so tests can
 * count round trips, and it can refuse or swallow new connections to play a dead or hung Redis.
 */
final class RedisTap {

  enum Mode { FORWARD, REFUSE, HANG }

  private final NetServer server;
  private final NetClient client;
  private final StringBuffer sent = new StringBuffer();
  private volatile Mode mode = Mode.FORWARD;

  private RedisTap(Vertx vertx) {
    this.client = vertx.createNetClient();
    this.server = vertx.createNetServer().connectHandler(this::accept);
  }

  static Future<RedisTap> start(Vertx vertx) {
    RedisTap tap = new RedisTap(vertx);
    return tap.server.listen(0, "127.0.0.1").map(tap);
  }

  String uri() {
    return "redis://127.0.0.1:" + server.actualPort();
  }

  /** Applies to connections opened from now on; open ones keep relaying. */
  void mode(Mode mode) {
    this.mode = mode;
  }

  /** How many times a command was sent since the last {@link #forget()}. */
  int count(String command) {
    String needle = "\r\n" + command.toLowerCase() + "\r\n";
    String all = sent.toString();
    int count = 0;
    for (int at = all.indexOf(needle); at >= 0; at = all.indexOf(needle, at + 1)) {
      count++;
    }
    return count;
  }

  void forget() {
    sent.setLength(0);
  }

  private void accept(NetSocket in) {
    switch (mode) {
      case REFUSE -> in.close();
      case HANG -> in.handler(swallowed -> { });
      case FORWARD -> relay(in);
    }
  }

  private void relay(NetSocket in) {
    in.pause();
    client.connect(6379, "127.0.0.1").onComplete(connected -> {
      if (connected.failed()) {
        in.close();
        return;
      }
      NetSocket out = connected.result();
      in.handler(bytes -> {
        sent.append(bytes.toString(StandardCharsets.ISO_8859_1).toLowerCase());
        out.write(bytes);
      });
      out.handler(in::write);
      in.closeHandler(v -> out.close());
      out.closeHandler(v -> in.close());
      in.resume();
    });
  }
}
