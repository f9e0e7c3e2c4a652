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
  /**
   * Platform agent verb: read the platform's insights of published posts, normalised, and look
   * for new comments on those whose comment count grew. {@code CollectRequest -> CollectResult}.
   */
  public static final String COLLECT = "collect";
  /** Platform agent verb: report the agent's health. {@code HealthQuery -> HealthReport}. */
  public static final String STATUS = "status";
  /**
   * Platform agent verb: act on something the platform reported for one of its accounts.
   * {@code PlatformEvent -> PlatformEventHandled}.
   */
  public static final String EVENTS = "events";

  /**
   * Platform agent verb: give an account a new authorization after its old one was revoked, so
   * its waiting posts go out again. {@code Reauthorization -> AccountStatus}.
   */
  public static final String REAUTHORIZE = "reauthorize";

  /**
   * What needs a person's attention, for the Team Leader to escalate (publish): an account whose
   * authorization was revoked, a token about to expire. {@code Escalation}.
   */
  public static final String LEADER_ESCALATIONS = "chorus.leader.escalations";

  /** Team leader announcements to every node (publish). {@code CoordinationNotice}. */
  public static final String COORDINATION = "chorus.coordination";

  /** Write a post's text. {@code GenerateRequest -> GeneratedContent}. */
  public static final String CONTENT_GENERATE = "chorus.content.generate";
  /** LLM usage and cost per day, brand, provider and model. {@code UsageQuery -> UsageReport}. */
  public static final String CONTENT_USAGE = "chorus.content.usage";

  /** Find or make one post's image and store it. {@code ImageRequest -> StoredImage}. */
  public static final String CONTENT_IMAGE = "chorus.content.image";
  /** Read a stored media file, to serve it. {@code MediaQuery -> MediaFile}. */
  public static final String CONTENT_MEDIA = "chorus.content.media";

  /** Create the posts of a campaign's due calendar slots. {@code PlanRequest -> PlanResult}. */
  public static final String PIPELINE_PLAN = "chorus.pipeline.plan";
  /** List posts. {@code PostQuery -> PostPage}. */
  public static final String PIPELINE_QUERY = "chorus.pipeline.query";
  /** A person's review of a post waiting for approval. {@code ReviewDecision -> PostView}. */
  public static final String PIPELINE_REVIEW = "chorus.pipeline.review";
  /** Requeue, cancel or reschedule a post. {@code PostCommand -> PostView}. */
  public static final String PIPELINE_COMMAND = "chorus.pipeline.command";
  /** Every variant written for a post. {@code VariantsQuery -> PostVariants}. */
  public static final String PIPELINE_VARIANTS = "chorus.pipeline.variants";
  /** Pipeline and database health. {@code HealthQuery -> HealthReport}. */
  public static final String PIPELINE_STATUS = "chorus.pipeline.status";
  /** Every post state change, after it is committed (publish). {@code PostStateChanged}. */
  public static final String PIPELINE_TRANSITIONS = "chorus.pipeline.transitions";

  /**
   * Store events a platform's webhook reported, before the platform is answered.
   * {@code StoreInboundEvents -> InboundEventsStored}.
   */
  public static final String EVENTS_INBOUND_STORE = "chorus.events.inbound.store";
  /**
   * Manage partners' webhook subscriptions and their deliveries. {@code WebhookRequest ->}
   * {@code WebhookSubscription}, {@code WebhookSubscriptionPage}, {@code WebhookDelivery} or
   * {@code WebhookDeliveryPage}, by action.
   */
  public static final String WEBHOOKS_MANAGE = "chorus.webhooks.manage";
  /**
   * Issue, list, revoke and check API tokens. {@code TokenRequest -> ApiToken} or
   * {@code ApiTokenPage}, by action.
   */
  public static final String TENANTS_TOKENS = "chorus.tenants.tokens";
  /** One post and its history. {@code PostHistoryQuery -> PostHistory}. */
  public static final String PIPELINE_HISTORY = "chorus.pipeline.history";

  /**
   * Create a post whose text a partner or editor wrote; it enters the pipeline GENERATED.
   * {@code PostCreate -> PostView}.
   */
  public static final String PIPELINE_CREATE = "chorus.pipeline.create";
  /** The campaigns with slots left to plan. {@code DueCampaignsQuery -> DueCampaigns}. */
  public static final String PIPELINE_CAMPAIGNS = "chorus.pipeline.campaigns";

  /** Brands of the catalog. {@code BrandRequest -> Brand} or {@code BrandPage} (LIST). */
  public static final String TENANTS_BRANDS = "chorus.tenants.brands";
  /** A brand's accounts. {@code AccountRequest -> Account} or {@code AccountPage} (LIST). */
  public static final String TENANTS_ACCOUNTS = "chorus.tenants.accounts";
  /** A brand's campaigns. {@code CampaignRequest -> Campaign} or {@code CampaignPage} (LIST). */
  public static final String TENANTS_CAMPAIGNS = "chorus.tenants.campaigns";
  /** An account managed through the API changed, for the platform agents (publish). {@code AccountChanged}. */
  public static final String TENANTS_ACCOUNT_CHANGED = "chorus.tenants.accounts.changed";

  /** Live counts and latencies for dashboards (publish). {@code LiveMetrics}. */
  public static final String METRICS_LIVE = "chorus.metrics.live";

  /** A report is ready to read (publish). {@code ReportReady}. */
  public static final String REPORTS_READY = "chorus.reports.ready";

  private Addresses() {}
}
