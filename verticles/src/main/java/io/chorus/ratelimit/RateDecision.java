package io.chorus.ratelimit;

/**
 * The answer to one {@link RateLimiter#acquire} call.
 *
 * @param allowed whether the caller may go ahead (one unit of the quota was taken)
 * @param remaining units still available in the current window after this decision
 * @param retryAfterMs when denied, how long until one unit is free again; 0 when allowed
 * @param local whether the decision came from this node's fallback limiter instead of Redis
 */
public record RateDecision(boolean allowed, int remaining, long retryAfterMs, boolean local) {
}
