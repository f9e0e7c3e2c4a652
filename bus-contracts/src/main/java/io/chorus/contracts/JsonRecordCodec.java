package io.chorus.contracts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageCodec;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;

/**
 * Carries one message record across the bus as JSON, so a clustered bus can cross JVMs. Each
 * message carries the contract version {@link #VERSION_FIELD}; a message from a newer contract
 * than this node knows is refused rather than misread. In the same JVM the record itself is
 * passed, since records are immutable.
 */
public final class JsonRecordCodec<T extends Record> implements MessageCodec<T, T> {
  /** The field that carries the contract version in every message on the wire. */
  public static final String VERSION_FIELD = "v";

  static final ObjectMapper MAPPER = JsonMapper.builder()
      .addModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .build();

  private static final TypeReference<Map<String, Object>> MAP_TYPE =
      new TypeReference<>() {};

  private final Class<T> type;
  private final String name;

  public JsonRecordCodec(Class<T> type) {
    this.type = type;
    this.name = "chorus." + type.getSimpleName().toLowerCase(Locale.ROOT) + ".v" + Contracts.VERSION;
  }

  public Class<T> type() {
    return type;
  }

  /**
   * Any message record as a JSON object, without the version field: for edges such as HTTP
   * responses and Server-Sent Events, which speak the same field names as the bus.
   */
  public static JsonObject toJsonObject(Record message) {
    return new JsonObject(MAPPER.convertValue(message, MAP_TYPE));
  }

  /** The record as JSON bytes, with the contract version. */
  public byte[] encode(T message) {
    ObjectNode node = MAPPER.valueToTree(message);
    node.put(VERSION_FIELD, Contracts.VERSION);
    try {
      return MAPPER.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode " + type.getSimpleName(), e);
    }
  }

  /** The record from JSON bytes written by {@link #encode}. */
  public T decode(byte[] json) {
    try {
      ObjectNode node = (ObjectNode) MAPPER.readTree(json);
      int version = node.path(VERSION_FIELD).asInt(0);
      if (version < 1 || version > Contracts.VERSION) {
        throw new IllegalArgumentException(type.getSimpleName() + " has contract version " + version
            + "; this node speaks 1.." + Contracts.VERSION);
      }
      node.remove(VERSION_FIELD);
      return MAPPER.treeToValue(node, type);
    } catch (IOException e) {
      throw new IllegalArgumentException("malformed " + type.getSimpleName() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void encodeToWire(Buffer buffer, T message) {
    byte[] bytes = encode(message);
    buffer.appendInt(bytes.length).appendBytes(bytes);
  }

  @Override
  public T decodeFromWire(int pos, Buffer buffer) {
    int length = buffer.getInt(pos);
    return decode(buffer.getBytes(pos + 4, pos + 4 + length));
  }

  @Override
  public T transform(T message) {
    return message;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public byte systemCodecID() {
    return -1;
  }
}
