-- Posts written through the API, and listing posts page by page.

-- The image or video a post written through the API goes out with (fetched by the platform);
-- NULL leaves it to the post's stored media or its campaign's files, as before.
ALTER TABLE posts ADD COLUMN media_url text;
-- Who wrote the post's text through the API; NULL for posts Chorus planned and wrote itself.
ALTER TABLE posts ADD COLUMN written_by text;

-- The post listing walks (created_at, id) newest first, with a cursor: one index range per page.
CREATE INDEX posts_listing ON posts (created_at DESC, id DESC);
CREATE INDEX posts_brand_listing ON posts (brand_id, created_at DESC, id DESC);
