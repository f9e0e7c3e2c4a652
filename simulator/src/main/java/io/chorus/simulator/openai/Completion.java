package io.chorus.simulator.openai;

import io.chorus.simulator.llm.SimulatedWriter;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/** One simulated chat completion, as a whole {@code chat.completion} or as its stream of chunks. */
record Completion(String id, long created, String model, String fingerprint, String text, String finishReason,
    int promptTokens, int completionTokens) {

  JsonObject toJson() {
    JsonObject message = new JsonObject().put("role", "assistant").put("content", text).putNull("refusal")
        .put("annotations", new JsonArray());
    JsonObject choice = new JsonObject().put("index", 0).put("message", message).putNull("logprobs")
        .put("finish_reason", finishReason);
    return new JsonObject().put("id", id).put("object", "chat.completion").put("created", created)
        .put("model", model).put("choices", new JsonArray().add(choice)).put("usage", usage())
        .put("service_tier", "default").put("system_fingerprint", fingerprint);
  }

  /** The SSE events of a stream: a role chunk, a chunk per word, the finish, usage if asked, then [DONE]. */
  List<String> chunks(boolean includeUsage) {
    List<String> events = new ArrayList<>();
    events.add(event(chunk(new JsonObject().put("role", "assistant").put("content", "").putNull("refusal"), null),
        includeUsage));
    for (String piece : SimulatedWriter.pieces(text)) {
      events.add(event(chunk(new JsonObject().put("content", piece), null), includeUsage));
    }
    events.add(event(chunk(new JsonObject(), finishReason), includeUsage));
    if (includeUsage) {
      events.add("data: " + base().put("choices", new JsonArray()).put("usage", usage()).encode() + "\n\n");
    }
    events.add("data: [DONE]\n\n");
    return events;
  }

  private String event(JsonObject chunk, boolean includeUsage) {
    if (includeUsage) {
      chunk.putNull("usage");
    }
    return "data: " + chunk.encode() + "\n\n";
  }

  private JsonObject chunk(JsonObject delta, String finish) {
    JsonObject choice = new JsonObject().put("index", 0).put("delta", delta).putNull("logprobs")
        .put("finish_reason", finish);
    return base().put("choices", new JsonArray().add(choice));
  }

  private JsonObject base() {
    return new JsonObject().put("id", id).put("object", "chat.completion.chunk").put("created", created)
        .put("model", model).put("service_tier", "default").put("system_fingerprint", fingerprint);
  }

  private JsonObject usage() {
    return new JsonObject().put("prompt_tokens", promptTokens).put("completion_tokens", completionTokens)
        .put("total_tokens", promptTokens + completionTokens)
        .put("prompt_tokens_details", new JsonObject().put("cached_tokens", 0).put("audio_tokens", 0))
        .put("completion_tokens_details", new JsonObject().put("reasoning_tokens", 0).put("audio_tokens", 0)
            .put("accepted_prediction_tokens", 0).put("rejected_prediction_tokens", 0));
  }
}
