-- Community engagement: comments and mentions platforms report for accounts, each handled once,
-- and the reply posts that answer them.

-- A reply belongs to no campaign; it answers a comment or post on the platform.
ALTER TABLE posts ALTER COLUMN campaign_id DROP NOT NULL;
ALTER TABLE posts ADD COLUMN in_reply_to_external_id text;

CREATE TABLE platform_events (
  event_id                text PRIMARY KEY,
  brand_id                text NOT NULL REFERENCES brands(id),
  account_id              text NOT NULL REFERENCES accounts(id),
  platform                text NOT NULL,
  kind                    text NOT NULL,
  external_id             text NOT NULL,
  in_reply_to_external_id text,
  author                  text,
  text                    text,
  occurred_at             timestamptz,
  body                    text,
  -- received (being handled), reply-drafted, recorded (no auto-reply), ignored, unsupported, failed
  outcome                 text NOT NULL,
  detail                  text,
  post_id                 uuid REFERENCES posts(id),
  received_at             timestamptz NOT NULL DEFAULT now(),
  handled_at              timestamptz,
  -- a comment seen by a webhook and again by polling is one event
  UNIQUE (platform, account_id, external_id)
);
CREATE INDEX platform_events_brand ON platform_events (brand_id, received_at);
