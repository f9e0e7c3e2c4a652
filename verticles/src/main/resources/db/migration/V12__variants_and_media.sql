-- Post variants (A/B) and media (images from a campaign's library or generated).

-- Every text written for a post, one row per variant and angle. The chosen variant became the
-- post's text; published_at is set when the post is published, so reports can compare angles.
CREATE TABLE post_variants (
  post_id      uuid NOT NULL REFERENCES posts(id),
  brand_id     text NOT NULL,
  variant      integer NOT NULL CHECK (variant > 0),
  angle        text,
  text         text NOT NULL,
  provider     text NOT NULL,
  model        text,
  chosen       boolean NOT NULL DEFAULT false,
  published_at timestamptz,
  created_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (post_id, variant)
);
CREATE UNIQUE INDEX post_variants_one_chosen ON post_variants (post_id) WHERE chosen;
CREATE INDEX post_variants_brand_published ON post_variants (brand_id, angle) WHERE published_at IS NOT NULL;

-- Images Chorus serves at /media/{id} for platforms to fetch: imported from a campaign's media
-- library (source 'library', name the file's name) or generated from a prompt.
CREATE TABLE media (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  brand_id     text NOT NULL,
  campaign_id  text,
  source       text NOT NULL CHECK (source IN ('library', 'openai', 'stability')),
  name         text,
  prompt       text,
  content_type text NOT NULL,
  width        integer,
  height       integer,
  bytes        integer NOT NULL,
  sha256       text NOT NULL,
  content      bytea NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now()
);
-- A library file is imported once per campaign.
CREATE UNIQUE INDEX media_library_file ON media (brand_id, campaign_id, name) WHERE source = 'library';
CREATE INDEX media_brand ON media (brand_id, created_at);

-- The media a post goes out with; NULL means the campaign's media names, as before.
ALTER TABLE posts ADD COLUMN media_ids uuid[];
