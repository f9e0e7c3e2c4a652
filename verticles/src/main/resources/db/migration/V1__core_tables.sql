-- Core tables of Chorus. Every row that belongs to a brand carries brand_id.

CREATE TABLE brands (
  id           text PRIMARY KEY,
  name         text NOT NULL,
  time_zone    text NOT NULL DEFAULT 'UTC',
  voice        text NOT NULL DEFAULT '',
  banned_words text[] NOT NULL DEFAULT '{}',
  created_at   timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE accounts (
  id          text PRIMARY KEY,
  brand_id    text NOT NULL REFERENCES brands(id),
  platform    text NOT NULL,
  handle      text NOT NULL,
  external_id text NOT NULL,
  status      text NOT NULL DEFAULT 'ACTIVE',
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX accounts_brand ON accounts (brand_id);

CREATE TABLE campaigns (
  id              text PRIMARY KEY,
  brand_id        text NOT NULL REFERENCES brands(id),
  name            text NOT NULL,
  -- brief, key messages, hashtags, trends, call to action, platforms and media, as configured
  spec            jsonb NOT NULL,
  slot_every_secs integer NOT NULL CHECK (slot_every_secs > 0),
  starts_at       timestamptz NOT NULL,
  ends_at         timestamptz,
  max_slots       integer CHECK (max_slots > 0),
  -- how many calendar slots have been turned into posts so far
  planned_slots   integer NOT NULL DEFAULT 0,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX campaigns_brand ON campaigns (brand_id);

CREATE TABLE posts (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  brand_id         text NOT NULL REFERENCES brands(id),
  campaign_id      text NOT NULL REFERENCES campaigns(id),
  account_id       text NOT NULL REFERENCES accounts(id),
  platform         text NOT NULL,
  slot_at          timestamptz NOT NULL,
  state            text NOT NULL,
  text             text,
  provider         text,
  external_id      text,
  attempts         integer NOT NULL DEFAULT 0,
  scheduled_at     timestamptz,
  lease_owner      text,
  lease_expires_at timestamptz,
  published_at     timestamptz,
  last_error       text,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  -- one post per account per calendar slot: planning twice is harmless
  UNIQUE (campaign_id, account_id, slot_at)
);
CREATE INDEX posts_brand_state ON posts (brand_id, state);
CREATE INDEX posts_state_updated ON posts (state, updated_at);
CREATE INDEX posts_due ON posts (scheduled_at) WHERE state = 'SCHEDULED';
CREATE INDEX posts_lease ON posts (lease_expires_at) WHERE state = 'PUBLISHING';
CREATE INDEX posts_published ON posts (published_at) WHERE state = 'PUBLISHED';

CREATE TABLE post_events (
  id         bigserial PRIMARY KEY,
  post_id    uuid NOT NULL REFERENCES posts(id),
  brand_id   text NOT NULL,
  from_state text,
  to_state   text NOT NULL,
  detail     text,
  at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX post_events_post ON post_events (post_id, id);

CREATE TABLE metric_samples (
  id         bigserial PRIMARY KEY,
  brand_id   text NOT NULL,
  post_id    uuid REFERENCES posts(id),
  platform   text NOT NULL,
  metric     text NOT NULL,
  value      double precision NOT NULL,
  sampled_at timestamptz NOT NULL
);
CREATE INDEX metric_samples_brand_time ON metric_samples (brand_id, sampled_at);

-- Domain events waiting to leave for Kafka and partner webhooks; event_id is stable across retries.
CREATE TABLE outbox (
  id           bigserial PRIMARY KEY,
  event_id     uuid NOT NULL UNIQUE DEFAULT gen_random_uuid(),
  brand_id     text NOT NULL,
  type         text NOT NULL,
  subject      text NOT NULL,
  payload      jsonb NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  delivered_at timestamptz
);
CREATE INDEX outbox_pending ON outbox (id) WHERE delivered_at IS NULL;

CREATE TABLE audit_log (
  id       bigserial PRIMARY KEY,
  brand_id text,
  actor    text NOT NULL,
  action   text NOT NULL,
  subject  text NOT NULL,
  detail   jsonb NOT NULL DEFAULT '{}',
  at       timestamptz NOT NULL DEFAULT now()
);

-- The audit log is append-only: history cannot be rewritten from the application.
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END;
$$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
