package io.chorus.web.problem;

import io.chorus.contracts.ChorusError;
import io.chorus.contracts.ErrorCode;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The problem a service's refusal amounts to, naming the field at fault when the service did: a
 * service refuses an invalid request with a message of the form {@code field: why}.
 */
public final class FieldProblems {
  private static final Pattern FIELD_FIRST = Pattern.compile("^([A-Za-z][A-Za-z0-9]*(?:\\.[A-Za-z][A-Za-z0-9]*)*): (.+)$",
      Pattern.DOTALL);

  private FieldProblems() {}

  public static Problem fromFailure(Throwable failure) {
    ChorusError error = ChorusError.from(failure);
    if (error.code() == ErrorCode.INVALID_REQUEST && error.message() != null) {
      Matcher field = FIELD_FIRST.matcher(error.message());
      if (field.matches()) {
        return Problem.invalidRequest(List.of(new FieldError(field.group(1), field.group(2))));
      }
    }
    return Problems.fromFailure(failure);
  }
}
