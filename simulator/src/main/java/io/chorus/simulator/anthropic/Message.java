package io.chorus.simulator.anthropic;

import io.chorus.simulator.llm.SimulatedWriter;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/** One simulated Messages API answer, whole or as its event stream. */
record Message(String id, String model, String text, String stopReason, int inputTokens, int outputTokens) {

  JsonObject toJson() {
    return shell()
        .put("content", new JsonArray().add(new JsonObject().put("type", "text").put("text", text)))
        .put("stop_reason", stopReason)
        .put("usage", usage(outputTokens));
  }

  /**
   * The stream's events in the documented order: message_start, content_block_start, a ping,
   * a text_delta per word, content_block_stop, message_delta with the stop reason and cumulative
   * output tokens, message_stop.
   */
  List<String> events() {
    List<String> events = new ArrayList<>();
    JsonObject start = shell().put("content", new JsonArray()).putNull("stop_reason").put("usage", usage(1));
    events.add(event("message_start", new JsonObject().put("type", "message_start").put("message", start)));
    events.add(event("content_block_start", new JsonObject().put("type", "content_block_start").put("index", 0)
        .put("content_block", new JsonObject().put("type", "text").put("text", ""))));
    events.add(event("ping", new JsonObject().put("type", "ping")));
    for (String piece : SimulatedWriter.pieces(text)) {
      events.add(event("content_block_delta", new JsonObject().put("type", "content_block_delta").put("index", 0)
          .put("delta", new JsonObject().put("type", "text_delta").put("text", piece))));
    }
    events.add(event("content_block_stop", new JsonObject().put("type", "content_block_stop").put("index", 0)));
    events.add(event("message_delta", new JsonObject().put("type", "message_delta")
        .put("delta", new JsonObject().put("stop_reason", stopReason).putNull("stop_sequence"))
        .put("usage", new JsonObject().put("output_tokens", outputTokens))));
    events.add(event("message_stop", new JsonObject().put("type", "message_stop")));
    return events;
  }

  static String event(String name, JsonObject data) {
    return "event: " + name + "\ndata: " + data.encode() + "\n\n";
  }

  private JsonObject shell() {
    return new JsonObject().put("id", id).put("type", "message").put("role", "assistant").put("model", model)
        .putNull("stop_sequence");
  }

  private JsonObject usage(int output) {
    return new JsonObject().put("input_tokens", inputTokens).put("cache_creation_input_tokens", 0)
        .put("cache_read_input_tokens", 0).put("output_tokens", output).put("service_tier", "standard");
  }
}
