-- Events the platforms' webhooks reported, stored before the platform is answered and kept until
-- the platform's agent has handled them. event_id is derived from the platform's own id for the
-- event, so a platform's retry or a replayed request lands on the same row and is handled once.
CREATE TABLE inbound_events (
  event_id        uuid PRIMARY KEY,
  platform        text NOT NULL,
  -- the brand of the account the event is about, when Chorus knows the account
  brand_id        text REFERENCES brands(id),
  account_handle  text,
  kind            text NOT NULL,
  external_id     text,
  in_reply_to     text,
  author_handle   text,
  text            text,
  occurred_at     timestamptz,
  body            text NOT NULL,
  received_at     timestamptz NOT NULL DEFAULT now(),
  -- PENDING until the agent answers: HANDLED when it did, FAILED when it refused the event for good
  status          text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'HANDLED', 'FAILED')),
  attempts        integer NOT NULL DEFAULT 0,
  -- while an attempt is in flight this is its lease: a dispatcher that dies leaves the row due again
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  handled_at      timestamptz,
  outcome         text,
  post_id         text,
  last_error      text
);
CREATE INDEX inbound_events_due ON inbound_events (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX inbound_events_brand ON inbound_events (brand_id, received_at);
