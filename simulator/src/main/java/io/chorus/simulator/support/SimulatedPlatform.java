package io.chorus.simulator.support;

import io.vertx.ext.web.Router;

/** One simulated platform: the routes under its path prefix and the state it can forget. */
public interface SimulatedPlatform {

  /** The path prefix and inspection name, e.g. {@code x} or {@code tiktok}. */
  String id();

  /** Routes relative to the platform prefix, ending with a not-found route in the platform's shape. */
  Router router();

  /**
   * The platform's OAuth grants: which tokens are live, expired or revoked; null for the LLM
   * providers, whose API keys are not OAuth grants.
   */
  default Grants grants() {
    return null;
  }

  /** Forgets posts, jobs and rate windows, so each test starts clean. */
  void reset();
}
