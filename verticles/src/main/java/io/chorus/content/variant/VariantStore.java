package io.chorus.content.variant;

import io.chorus.contracts.ChorusError;
import io.chorus.contracts.ErrorCode;
import io.chorus.contracts.pipeline.PostVariant;
import io.chorus.contracts.pipeline.PostVariants;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The SQL of post variants: saving a batch of posts' variants and reading one post's. */
public final class VariantStore {
  /** A post generated twice (two nodes racing) keeps the variants written first. */
  private static final String SAVE = """
      INSERT INTO post_variants (post_id, brand_id, variant, angle, text, provider, model, chosen)
      SELECT * FROM unnest($1::uuid[], $2::text[], $3::int[], $4::text[], $5::text[], $6::text[], $7::text[],
                           $8::boolean[])
      ON CONFLICT (post_id, variant) DO NOTHING
      """;
  private static final String OF_POST = """
      SELECT p.id AS post, v.variant, v.angle, v.text, v.provider, v.model, v.chosen, v.published_at, v.created_at
      FROM posts p LEFT JOIN post_variants v ON v.post_id = p.id
      WHERE p.id = $1
      ORDER BY v.variant
      """;

  private final Pool pool;

  public VariantStore(Pool pool) {
    this.pool = pool;
  }

  /** Saves the variants in one round trip. */
  public Future<Void> save(List<Variant> variants) {
    if (variants.isEmpty()) {
      return Future.succeededFuture();
    }
    int n = variants.size();
    UUID[] posts = new UUID[n];
    String[] brands = new String[n];
    Integer[] numbers = new Integer[n];
    String[] angles = new String[n];
    String[] texts = new String[n];
    String[] providers = new String[n];
    String[] models = new String[n];
    Boolean[] chosen = new Boolean[n];
    for (int i = 0; i < n; i++) {
      Variant v = variants.get(i);
      posts[i] = v.postId();
      brands[i] = v.brandId();
      numbers[i] = v.number();
      angles[i] = v.angle();
      texts[i] = v.text();
      providers[i] = v.provider();
      models[i] = v.model();
      chosen[i] = v.chosen();
    }
    return pool.preparedQuery(SAVE)
        .execute(Tuple.of(posts, brands, numbers, angles, texts, providers, models, chosen))
        .mapEmpty();
  }

  /** One post's variants; fails with NOT_FOUND when there is no such post. */
  public Future<PostVariants> ofPost(String postId) {
    UUID id;
    try {
      id = UUID.fromString(postId);
    } catch (IllegalArgumentException | NullPointerException notAnId) {
      return notFound(postId);
    }
    return pool.preparedQuery(OF_POST).execute(Tuple.of(id)).compose(rows -> {
      if (rows.size() == 0) {
        return notFound(postId);
      }
      List<PostVariant> items = new ArrayList<>();
      for (Row row : rows) {
        if (row.getInteger("variant") != null) {
          items.add(new PostVariant(row.getInteger("variant"), row.getString("angle"), row.getString("text"),
              row.getString("provider"), row.getString("model"), row.getBoolean("chosen"),
              instant(row.getOffsetDateTime("published_at")), instant(row.getOffsetDateTime("created_at"))));
        }
      }
      return Future.succeededFuture(new PostVariants(postId, items));
    });
  }

  private static Future<PostVariants> notFound(String postId) {
    return Future.failedFuture(ChorusError.of(ErrorCode.NOT_FOUND, "there is no post " + postId).exception());
  }

  private static Instant instant(OffsetDateTime time) {
    return time == null ? null : time.toInstant();
  }
}
