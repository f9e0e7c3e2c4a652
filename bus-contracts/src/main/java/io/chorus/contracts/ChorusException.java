package io.chorus.contracts;

/**
 * A failed future's cause that carries a {@link ChorusError}. Not final, so that a component may
 * attach what only it needs (a platform agent: which quota a throttle hit) while everyone else
 * still reads the error.
 */
public class ChorusException extends RuntimeException {
  private final ChorusError error;

  public ChorusException(ChorusError error) {
    super(error.code() + ": " + error.message(), null, false, false);
    this.error = error;
  }

  public ChorusError error() {
    return error;
  }
}
