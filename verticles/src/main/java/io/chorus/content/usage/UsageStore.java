package io.chorus.content.usage;

import io.chorus.contracts.content.UsageLine;
import io.chorus.contracts.content.UsageQuery;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/** The {@code llm_usage} table: billed generations added up per brand, day, provider and model. */
public final class UsageStore {
  private static final String RECORD = """
      INSERT INTO llm_usage (brand_id, day, provider, model, requests, input_tokens, output_tokens, images, cost)
      VALUES ($1, $2, $3, $4, 1, $5, $6, $7, $8)
      ON CONFLICT (brand_id, day, provider, model) DO UPDATE SET
        requests = llm_usage.requests + 1,
        input_tokens = llm_usage.input_tokens + EXCLUDED.input_tokens,
        output_tokens = llm_usage.output_tokens + EXCLUDED.output_tokens,
        images = llm_usage.images + EXCLUDED.images,
        cost = llm_usage.cost + EXCLUDED.cost""";
  private static final String SPENT = """
      SELECT coalesce(sum(cost), 0)::float8 AS spent FROM llm_usage
      WHERE brand_id = $1 AND day >= $2 AND day < $3""";
  private static final String QUERY = """
      SELECT day, brand_id, provider, model, requests, input_tokens, output_tokens, cost::float8 AS cost
      FROM llm_usage
      WHERE ($1::text IS NULL OR brand_id = $1) AND ($2::date IS NULL OR day >= $2) AND ($3::date IS NULL OR day <= $3)
      ORDER BY day, brand_id, provider, model""";

  private final Pool pool;

  public UsageStore(Pool pool) {
    this.pool = pool;
  }

  /** Adds one billed generation (or image) to its day's row. */
  public Future<Void> record(String brandId, LocalDate day, String provider, String model, long inputTokens,
      long outputTokens, long images, double cost) {
    return pool.preparedQuery(RECORD)
        .execute(Tuple.of(brandId, day, provider, model, inputTokens, outputTokens, images, cost))
        .mapEmpty();
  }

  /** What the brand spent in the month, in US dollars. */
  public Future<Double> spent(String brandId, YearMonth month) {
    return pool.preparedQuery(SPENT)
        .execute(Tuple.of(brandId, month.atDay(1), month.plusMonths(1).atDay(1)))
        .map(rows -> rows.iterator().next().getDouble("spent"));
  }

  public Future<List<UsageLine>> query(UsageQuery query) {
    return pool.preparedQuery(QUERY)
        .execute(Tuple.of(query.brandId(), query.from(), query.to()))
        .map(rows -> {
          List<UsageLine> lines = new ArrayList<>();
          for (Row row : rows) {
            lines.add(new UsageLine(row.getLocalDate("day"), row.getString("brand_id"), row.getString("provider"),
                row.getString("model"), row.getLong("requests"), row.getLong("input_tokens"),
                row.getLong("output_tokens"), row.getDouble("cost")));
          }
          return lines;
        });
  }
}
