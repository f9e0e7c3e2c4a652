-- Partners' outbound webhooks: subscriptions per brand, and one delivery per event and subscription.

CREATE TABLE webhook_subscriptions (
  id                         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  brand_id                   text NOT NULL REFERENCES brands(id),
  url                        text NOT NULL,
  event_types                text[] NOT NULL,
  description                text,
  status                     text NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'DISABLED')),
  disabled_reason            text,
  -- whsec_ + base64 of the key; signing needs the key itself, so it cannot be hashed
  secret                     text NOT NULL,
  -- the secret before the last rotation, still signing until it expires
  previous_secret            text,
  previous_secret_expires_at timestamptz,
  created_at                 timestamptz NOT NULL DEFAULT now(),
  updated_at                 timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX webhook_subscriptions_active ON webhook_subscriptions (brand_id) WHERE status = 'ACTIVE';

CREATE TABLE webhook_deliveries (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  subscription_id uuid NOT NULL REFERENCES webhook_subscriptions(id) ON DELETE CASCADE,
  brand_id        text NOT NULL,
  -- sent as webhook-id: the same on every attempt, so partners can deduplicate
  event_id        uuid NOT NULL,
  event_type      text NOT NULL,
  -- the exact bytes signed and sent, fixed when the event is fanned out
  body            text NOT NULL,
  status          text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'SUCCEEDED', 'DEAD')),
  attempts        integer NOT NULL DEFAULT 0,
  -- while an attempt is in flight this is its lease, so a sender that dies leaves it due again
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  last_attempt_at timestamptz,
  last_status     integer,
  last_error      text,
  delivered_at    timestamptz,
  created_at      timestamptz NOT NULL DEFAULT now(),
  UNIQUE (subscription_id, event_id)
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX webhook_deliveries_subscription ON webhook_deliveries (subscription_id, created_at DESC);

-- When an outbox row was fanned out to webhook deliveries; delivered_at stays for the Kafka relay.
ALTER TABLE outbox ADD COLUMN webhooks_fanned_out_at timestamptz;
-- Events older than this migration predate every subscription: nothing to fan out.
UPDATE outbox SET webhooks_fanned_out_at = created_at;
CREATE INDEX outbox_webhooks_pending ON outbox (id) WHERE webhooks_fanned_out_at IS NULL;
