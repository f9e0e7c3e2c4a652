package io.chorus.contracts.leader;

import java.time.Instant;

/**
 * What the active Team Leader tells every node.
 *
 * @param kind a dotted event kind, such as {@code leader.elected} or {@code plan.created}
 */
public record CoordinationNotice(String kind, String node, String detail, Instant at) {}
