package io.chorus.contracts;

/** A failed future's cause that carries a {@link ChorusError}. */
public final class ChorusException extends RuntimeException {
  private final ChorusError error;

  public ChorusException(ChorusError error) {
    super(error.code() + ": " + error.message(), null, false, false);
    this.error = error;
  }

  public ChorusError error() {
    return error;
  }
}
