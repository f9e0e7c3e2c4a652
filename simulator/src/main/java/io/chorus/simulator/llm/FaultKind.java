package io.chorus.simulator.llm;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a simulated LLM provider can do wrong, each answered in the provider's own wire format. */
public enum FaultKind {
  /** 401: the key is not (or no longer) valid. */
  UNAUTHORIZED,
  /** 429 with the provider's retry-after and rate-limit reset headers. */
  RATE_LIMITED,
  /** 500: the provider's generic server error. */
  SERVER_ERROR,
  /** 503: the service is unavailable. */
  UNAVAILABLE,
  /** Overloaded: Anthropic's 529 overloaded_error; OpenAI's 503 "engine is overloaded". */
  OVERLOADED,
  /** A normal answer after {@code delayMs}, for read timeouts and deadlines. */
  SLOW,
  /** A stream that sends its first events, then nothing for {@code delayMs}, for idle timeouts. */
  STALL,
  /** 200 with a body that is not valid JSON (or a stream of broken events). */
  MALFORMED;

  /** The wire name used by the fault endpoint, e.g. {@code rate_limited}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<FaultKind> find(String name) {
    return Arrays.stream(values()).filter(kind -> kind.wireName().equalsIgnoreCase(name)).findFirst();
  }

  /** The faults a configured fault rate picks from: the transient ones a real provider shows under load. */
  static final FaultKind[] TRANSIENT = {RATE_LIMITED, SERVER_ERROR, UNAVAILABLE, OVERLOADED};
}
