package io.chorus.platform.signal;

import io.chorus.contracts.ChorusError;
import io.chorus.contracts.ChorusException;

/**
 * A platform refused the access token (HTTP 401, Graph code 190): it expired or was revoked, so
 * the agent may renew it, or must ask a person to authorize the account again.
 */
public final class UnauthorizedException extends ChorusException {

  public UnauthorizedException(ChorusError error) {
    super(error);
  }
}
