-- API tokens: only a SHA-256 of each token is kept. Tokens carry 256 random bits, so a fast hash
-- is enough to make a stolen table useless, and it lets a request find its token by index.

CREATE TABLE api_tokens (
  id           text PRIMARY KEY,
  name         text NOT NULL,
  role         text NOT NULL CHECK (role IN ('admin', 'editor', 'reviewer', 'viewer', 'partner')),
  -- null: the token may act for every brand
  brand_id     text REFERENCES brands(id),
  token_hash   bytea NOT NULL UNIQUE,
  created_by   text NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz,
  revoked_at   timestamptz
);
CREATE INDEX api_tokens_brand ON api_tokens (brand_id, created_at DESC);
