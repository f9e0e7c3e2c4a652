package io.chorus.contracts.reports;

import java.time.Instant;

/**
 * A report was written and can be read (publish).
 *
 * @param kind what it covers, such as {@code weekly} or {@code campaign}
 */
public record ReportReady(String reportId, String brandId, String kind, String title, Instant at) {}
