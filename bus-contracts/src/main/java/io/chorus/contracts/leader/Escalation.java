package io.chorus.contracts.leader;

import io.chorus.contracts.Platform;
import java.time.Instant;

/**
 * Something an agent cannot settle on its own and a person must act on, published on
 * {@code chorus.leader.escalations}.
 *
 * @param kind a dotted kind, such as {@code account.reauthorization-required} or {@code token.expiring}
 * @param accountId Chorus's id of the account concerned, if any
 * @param brandId the brand the account belongs to, if any
 * @param detail what happened and what to do, for people
 */
public record Escalation(String kind, Platform platform, String accountId, String brandId, String detail, Instant at) {

  /** An account's authorization was revoked or could not be renewed; its posts wait for a new one. */
  public static final String REAUTHORIZATION_REQUIRED = "account.reauthorization-required";
  /** An account's token expires soon and cannot be renewed automatically. */
  public static final String TOKEN_EXPIRING = "token.expiring";
}
