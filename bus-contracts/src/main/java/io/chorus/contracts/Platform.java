package io.chorus.contracts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The social platforms Chorus publishes to, named by their lower-case id on the bus, in config and in URLs. */
public enum Platform {
  FACEBOOK("facebook"),
  X("x"),
  INSTAGRAM("instagram"),
  LINKEDIN("linkedin"),
  TIKTOK("tiktok");

  private final String id;

  Platform(String id) {
    this.id = id;
  }

  @JsonValue
  public String id() {
    return id;
  }

  /** The platform with this id, ignoring case, if there is one. */
  public static Optional<Platform> find(String id) {
    if (id == null) {
      return Optional.empty();
    }
    String wanted = id.toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(p -> p.id.equals(wanted)).findFirst();
  }

  @JsonCreator
  public static Platform of(String id) {
    return find(id).orElseThrow(() -> new IllegalArgumentException("unknown platform '" + id + "'"));
  }

  /** The request-reply address of one of this platform's agent verbs, e.g. {@code chorus.platform.x.publish}. */
  public String address(String verb) {
    return Addresses.PLATFORM_PREFIX + id + "." + verb;
  }
}
