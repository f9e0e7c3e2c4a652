package io.chorus.content;

import io.chorus.content.cache.ContentCache;
import io.chorus.content.offline.OfflineGenerator;
import io.chorus.content.prompt.BrandProfile;
import io.chorus.content.prompt.PromptTemplates;
import io.chorus.content.provider.Completion;
import io.chorus.content.provider.Prompt;
import io.chorus.content.provider.ProviderChain;
import io.chorus.content.provider.Providers;
import io.chorus.content.usage.Budgets;
import io.chorus.content.usage.PriceTable;
import io.chorus.content.usage.UsageStore;
import io.chorus.contracts.Addresses;
import io.chorus.contracts.ChorusError;
import io.chorus.contracts.ErrorCode;
import io.chorus.contracts.content.GenerateRequest;
import io.chorus.contracts.content.GeneratedContent;
import io.chorus.contracts.content.UsageQuery;
import io.chorus.contracts.content.UsageReport;
import io.chorus.contracts.leader.CoordinationNotice;
import io.chorus.storage.Database;
import io.chorus.storage.DatabaseOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.sqlclient.Pool;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes posts' text on {@link Addresses#CONTENT_GENERATE} through the configured chain of LLM
 * providers (each behind its breaker, with its keys, retries and timeouts), the offline generator
 * last so text always comes; identical requests are answered from the Redis cache; every billed
 * generation is recorded in {@code llm_usage}, served on {@link Addresses#CONTENT_USAGE}; a brand
 * past its monthly budget is refused and the Team Leader told.
 */
public class ContentVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(ContentVerticle.class);
  /** The node name on coordination notices this verticle publishes. */
  static final String NOTICE_SOURCE = "content";

  private OfflineGenerator offline;
  private PromptTemplates prompts;
  private Map<String, BrandProfile> brands;
  private PriceTable prices;
  private Budgets budgets;
  private WebClient web;
  private ProviderChain chain;
  private Pool pool;
  private UsageStore usage;
  private ContentCache cache;
  /** Brands already reported over budget, with the month, so the Team Leader hears once a month. */
  private final Set<String> reportedOverBudget = new HashSet<>();

  @Override
  public Future<?> start() {
    ContentConfig settings = ContentConfig.fromJson(config());
    offline = OfflineGenerator.create(settings.offlineSeed());
    prompts = PromptTemplates.fromConfig(config());
    brands = BrandProfile.fromConfig(config());
    prices = PriceTable.fromConfig(config());
    budgets = Budgets.fromConfig(config());
    web = WebClient.create(vertx, new WebClientOptions(new HttpClientOptions().setKeepAlive(true)),
        new PoolOptions().setHttp1MaxSize(settings.maxConnections()));
    chain = Providers.chain(vertx, web, settings.providers(), settings.retry(), settings.breaker(), this::keyRejected);
    pool = Database.pool(vertx, DatabaseOptions.fromConfig(config()));
    usage = new UsageStore(pool);
    ContentConfig.CacheSettings cacheSettings = settings.cache();
    cache = cacheSettings.enabled()
        ? ContentCache.create(vertx, cacheSettings.redisUri(), cacheSettings.keyPrefix(), cacheSettings.ttlSeconds(),
            cacheSettings.commandTimeoutMs())
        : null;
    return Future.join(
            vertx.eventBus().<GenerateRequest>consumer(Addresses.CONTENT_GENERATE, this::generate).completion(),
            vertx.eventBus().<UsageQuery>consumer(Addresses.CONTENT_USAGE, this::usage).completion())
        .onSuccess(done -> LOG.info("Content serving {} with {}", Addresses.CONTENT_GENERATE,
            String.join(" -> ", chain.providers().stream().map(p -> p.name() + " (" + p.model() + ")").toList())
                + (chain.providers().isEmpty() ? "" : " -> ") + "offline"));
  }

  @Override
  public Future<?> stop() {
    chain.close();
    web.close();
    if (cache != null) {
      cache.close();
    }
    return pool.close();
  }

  private void generate(Message<GenerateRequest> message) {
    GenerateRequest request = message.body();
    String problem = problemWith(request);
    if (problem != null) {
      ChorusError.of(ErrorCode.INVALID_REQUEST, problem).failReply(message);
      return;
    }
    Future<GeneratedContent> cached = cache == null ? Future.succeededFuture() : cache.get(request);
    cached.compose(hit -> hit != null ? Future.succeededFuture(hit) : withinBudget(request).compose(ok -> write(request)))
        .onSuccess(message::reply)
        .onFailure(failure -> ChorusError.from(failure).failReply(message));
  }

  /** Fails with BUDGET_EXCEEDED when the brand spent its monthly budget; the Team Leader hears once a month. */
  private Future<Void> withinBudget(GenerateRequest request) {
    Double budget = budgets.monthly(request.brandId());
    if (budget == null) {
      return Future.succeededFuture();
    }
    YearMonth month = YearMonth.now(ZoneOffset.UTC);
    return usage.spent(request.brandId(), month)
        .recover(failure -> {
          LOG.warn("Cannot read {}'s LLM spend ({}); generating without the budget check", request.brandId(),
              failure.toString());
          return Future.succeededFuture(0.0);
        })
        .compose(spent -> {
          if (spent < budget) {
            return Future.succeededFuture();
          }
          String detail = String.format("brand %s spent $%.4f of its $%.2f monthly LLM budget for %s; generation"
              + " stops until next month or a higher content.budgets.brands.%s", request.brandId(), spent, budget,
              month, request.brandId());
          if (reportedOverBudget.add(request.brandId() + "@" + month)) {
            LOG.error("Budget exceeded: {}", detail);
            notice("content.budget-exceeded", detail);
          }
          return Future.failedFuture(ChorusError.of(ErrorCode.BUDGET_EXCEEDED, detail).exception());
        });
  }

  private Future<GeneratedContent> write(GenerateRequest request) {
    BrandProfile brand = brands.getOrDefault(request.brandId(), BrandProfile.unknown(request.brandId()));
    Prompt prompt = prompts.render(request, brand);
    return chain.complete(prompt, () -> offline(request, prompt)).compose(answer -> {
      Completion completion = answer.completion();
      String priced = chain.providers().stream().filter(p -> p.name().equals(answer.provider())).findFirst()
          .map(p -> p.model()).orElse(completion.model());
      double cost = prices.of(priced).cost(completion.inputTokens(), completion.outputTokens(), 0);
      GeneratedContent content = new GeneratedContent(completion.text(), answer.provider(), completion.model(),
          completion.inputTokens(), completion.outputTokens(), cost);
      LOG.debug("{} wrote {} characters for post {} on {}", answer.provider(), content.text().length(),
          request.postId(), request.platform().id());
      Future<Void> recorded = usage.record(request.brandId(), LocalDate.now(ZoneOffset.UTC), answer.provider(), priced,
              completion.inputTokens(), completion.outputTokens(), 0, cost)
          .onFailure(failure -> LOG.warn("Usage of post {} not recorded: {}", request.postId(), failure.toString()))
          .otherwise((Void) null);
      Future<Void> kept = cache == null ? Future.succeededFuture() : cache.put(request, content);
      return Future.join(recorded, kept).map(content);
    });
  }

  /** The offline generator's text as a completion, its tokens estimated from the prompt and the text; it costs nothing. */
  private ProviderChain.Answer offline(GenerateRequest request, Prompt prompt) {
    String text = offline.write(request);
    return new ProviderChain.Answer(OfflineGenerator.PROVIDER, new Completion(text, OfflineGenerator.MODEL,
        estimatedTokens(prompt.system()) + estimatedTokens(prompt.user()), estimatedTokens(text), "stop"));
  }

  /** The providers' rule of thumb: about four characters to a token. */
  private static long estimatedTokens(String text) {
    return (text.length() + 3) / 4;
  }

  private void usage(Message<UsageQuery> message) {
    usage.query(message.body())
        .onSuccess(lines -> message.reply(new UsageReport(lines)))
        .onFailure(failure -> new ChorusError(ErrorCode.STORAGE_UNAVAILABLE, "usage cannot be read: " + failure.getMessage(),
            true, 0).failReply(message));
  }

  private void keyRejected(String provider, String redactedKey) {
    notice("content.key-rejected", provider + " refused API key " + redactedKey + "; it is set aside until restart");
  }

  private void notice(String kind, String detail) {
    vertx.eventBus().publish(Addresses.COORDINATION, new CoordinationNotice(kind, NOTICE_SOURCE, detail, Instant.now()));
  }

  /** What makes the request unanswerable, named by field, or null when it can be written. */
  private static String problemWith(GenerateRequest request) {
    if (request == null) {
      return "a GenerateRequest body is required";
    }
    if (request.platform() == null) {
      return "platform is required";
    }
    if (request.brief() == null || request.brief().isBlank()) {
      return "brief is required and must not be blank";
    }
    return null;
  }
}
