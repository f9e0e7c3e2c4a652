package io.chorus.simulator.llm;

import io.vertx.core.json.JsonArray;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The faults tests injected per provider, and the configured random fault rate. Touched only from
 * the simulator's event loop.
 */
public final class FaultBook {
  /** The wait a random rate-limit fault asks for. */
  private static final long RANDOM_RETRY_AFTER_SECONDS = 1;

  private final Map<String, List<Fault>> byProvider = new HashMap<>();
  private final double faultRate;

  public FaultBook(double faultRate) {
    this.faultRate = faultRate;
  }

  public void add(String provider, Fault fault) {
    byProvider.computeIfAbsent(provider, p -> new ArrayList<>()).add(fault);
  }

  /**
   * The fault this request meets: the first injected one that matches its key (spending one of its
   * uses), else a random transient fault at the configured rate, else null.
   */
  public Fault take(String provider, String apiKey) {
    List<Fault> faults = byProvider.getOrDefault(provider, List.of());
    for (int i = 0; i < faults.size(); i++) {
      Fault fault = faults.get(i);
      if (fault.matches(apiKey)) {
        if (fault.remaining() == 1) {
          faults.remove(i);
        } else if (fault.remaining() > 1) {
          faults.set(i, fault.spent());
        }
        return fault;
      }
    }
    ThreadLocalRandom random = ThreadLocalRandom.current();
    if (faultRate > 0 && random.nextDouble() < faultRate) {
      FaultKind kind = FaultKind.TRANSIENT[random.nextInt(FaultKind.TRANSIENT.length)];
      return new Fault(kind, null, 1, 0, RANDOM_RETRY_AFTER_SECONDS);
    }
    return null;
  }

  public JsonArray toJson() {
    JsonArray items = new JsonArray();
    byProvider.forEach((provider, faults) -> faults.forEach(fault -> items.add(fault.toJson(provider))));
    return items;
  }

  public void clear() {
    byProvider.clear();
  }
}
