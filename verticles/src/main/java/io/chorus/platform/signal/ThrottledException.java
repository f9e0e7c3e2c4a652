package io.chorus.platform.signal;

import io.chorus.contracts.ChorusError;
import io.chorus.contracts.ChorusException;

/** A RATE_LIMITED failure that also says which quota the platform reported spent. */
public final class ThrottledException extends ChorusException {
  private final transient Throttle throttle;

  public ThrottledException(ChorusError error, Throttle throttle) {
    super(error);
    this.throttle = throttle;
  }

  public Throttle throttle() {
    return throttle;
  }
}
