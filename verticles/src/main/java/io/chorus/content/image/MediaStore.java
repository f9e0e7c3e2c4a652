package io.chorus.content.image;

import io.chorus.contracts.content.MediaFile;
import io.chorus.contracts.content.StoredImage;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The SQL of the media table: storing images with their facts, and reading them back to serve. */
public final class MediaStore {
  private static final String COLUMNS = "id, source, content_type, width, height, bytes, sha256";
  private static final String INSERT = """
      INSERT INTO media (brand_id, campaign_id, source, name, prompt, content_type, width, height, bytes, sha256, content)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
      ON CONFLICT (brand_id, campaign_id, name) WHERE source = 'library' DO NOTHING
      RETURNING\s""" + COLUMNS;
  private static final String LIBRARY_FILE = "SELECT " + COLUMNS
      + " FROM media WHERE brand_id = $1 AND campaign_id = $2 AND name = $3 AND source = 'library'";
  private static final String ATTACH = """
      UPDATE posts p SET media_ids = ARRAY[m.media]
      FROM unnest($1::uuid[], $2::uuid[]) AS m(post, media)
      WHERE p.id = m.post
      """;
  private static final String FILE = "SELECT id, content_type, sha256, content FROM media WHERE id = $1";

  private final Pool pool;

  public MediaStore(Pool pool) {
    this.pool = pool;
  }

  /** A library file already imported for the campaign, if it was. */
  public Future<Optional<StoredImage>> libraryFile(String brandId, String campaignId, String name) {
    return pool.preparedQuery(LIBRARY_FILE).execute(Tuple.of(brandId, campaignId, name))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(stored(rows.iterator().next())));
  }

  /**
   * Stores an image; a library file another node imported first is read back instead, so each file
   * is stored once per campaign.
   */
  public Future<StoredImage> store(String brandId, String campaignId, String source, String name, String prompt,
      byte[] file) {
    ImageFacts facts = ImageFacts.of(file);
    Tuple row = Tuple.tuple().addString(brandId).addString(campaignId).addString(source).addString(name)
        .addString(prompt).addString(facts.contentType()).addInteger(facts.width()).addInteger(facts.height())
        .addInteger(facts.bytes()).addString(facts.sha256()).addBuffer(Buffer.buffer(file));
    return pool.preparedQuery(INSERT).execute(row).compose(rows -> rows.size() > 0
        ? Future.succeededFuture(stored(rows.iterator().next()))
        : libraryFile(brandId, campaignId, name).map(Optional::orElseThrow));
  }

  /** Gives each post its image, in one round trip; {@code postIds} and {@code mediaIds} pair up by index. */
  public Future<Void> attach(List<UUID> postIds, List<UUID> mediaIds) {
    if (postIds.isEmpty()) {
      return Future.succeededFuture();
    }
    // Built column by column: Tuple.of(array, array) would spread the second array as varargs.
    Tuple columns = Tuple.tuple().addArrayOfUUID(postIds.toArray(UUID[]::new))
        .addArrayOfUUID(mediaIds.toArray(UUID[]::new));
    return pool.preparedQuery(ATTACH).execute(columns).mapEmpty();
  }

  /** A stored file, to serve; empty when there is none with this id. */
  public Future<Optional<MediaFile>> file(UUID id) {
    return pool.preparedQuery(FILE).execute(Tuple.of(id)).map(rows -> {
      if (rows.size() == 0) {
        return Optional.empty();
      }
      Row row = rows.iterator().next();
      return Optional.of(new MediaFile(id.toString(), row.getString("content_type"), row.getString("sha256"),
          Base64.getEncoder().encodeToString(row.getBuffer("content").getBytes())));
    });
  }

  private static StoredImage stored(Row row) {
    return new StoredImage(row.getUUID("id").toString(), row.getString("source"), row.getString("content_type"),
        row.getInteger("width"), row.getInteger("height"), row.getInteger("bytes"), row.getString("sha256"));
  }
}
