package io.chorus.contracts.tenants;

import java.time.Instant;

/**
 * When a campaign's posts are planned: a slot every {@code everySeconds} from {@code startsAt},
 * until {@code endsAt} or {@code maxSlots} slots, whichever comes first.
 *
 * @param startsAt the first slot; null when creating means now
 * @param endsAt no slot at or after this instant; null for none
 * @param maxSlots at most this many slots; null for no limit
 */
public record CampaignCalendar(int everySeconds, Instant startsAt, Instant endsAt, Integer maxSlots) {}
