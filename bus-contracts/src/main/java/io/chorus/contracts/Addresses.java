package io.chorus.contracts;

/**
 * Every event-bus address Chorus uses, named {@code chorus.<area>.<verb>}. Request-reply unless
 * the constant says "publish".
 */
public final class Addresses {
  /** Prefix of the per-platform agent addresses; see {@link Platform#address(String)}. */
  public static final String PLATFORM_PREFIX = "chorus.platform.";

  /** Platform agent verb: fit text to the platform. {@code OptimizeRequest -> OptimizedContent}. */
  public static final String OPTIMIZE = "optimize";
  /** Platform agent verb: publish a post. {@code PublishRequest -> PublishResult}. */
  public static final String PUBLISH = "publish";
  /**
   * Platform agent verb: look for a post among the account's recent posts on the platform, by its
   * text. {@code ReconcileRequest -> ReconcileResult}.
   */
  public static final String RECONCILE = "reconcile";
  /** Platform agent verb: report the agent's health. {@code HealthQuery -> HealthReport}. */
  public static final String STATUS = "status";
  /**
   * Platform agent verb: act on something the platform reported for one of its accounts.
   * {@code PlatformEvent -> PlatformEventHandled}.
   */
  public static final String EVENTS = "events";

  /** Team leader announcements to every node (publish). {@code CoordinationNotice}. */
  public static final String COORDINATION = "chorus.coordination";

  /** Write a post's text. {@code GenerateRequest -> GeneratedContent}. */
  public static final String CONTENT_GENERATE = "chorus.content.generate";

  /** Create the posts of a campaign's due calendar slots. {@code PlanRequest -> PlanResult}. */
  public static final String PIPELINE_PLAN = "chorus.pipeline.plan";
  /** List posts. {@code PostQuery -> PostPage}. */
  public static final String PIPELINE_QUERY = "chorus.pipeline.query";
  /** A person's review of a post waiting for approval. {@code ReviewDecision -> PostView}. */
  public static final String PIPELINE_REVIEW = "chorus.pipeline.review";
  /** Requeue, cancel or reschedule a post. {@code PostCommand -> PostView}. */
  public static final String PIPELINE_COMMAND = "chorus.pipeline.command";
  /** Pipeline and database health. {@code HealthQuery -> HealthReport}. */
  public static final String PIPELINE_STATUS = "chorus.pipeline.status";
  /** Every post state change, after it is committed (publish). {@code PostStateChanged}. */
  public static final String PIPELINE_TRANSITIONS = "chorus.pipeline.transitions";

  /** One post and its history. {@code PostHistoryQuery -> PostHistory}. */
  public static final String PIPELINE_HISTORY = "chorus.pipeline.history";

  /** Live counts and latencies for dashboards (publish). {@code LiveMetrics}. */
  public static final String METRICS_LIVE = "chorus.metrics.live";

  /** A report is ready to read (publish). {@code ReportReady}. */
  public static final String REPORTS_READY = "chorus.reports.ready";

  private Addresses() {}
}
