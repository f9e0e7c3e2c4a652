-- Best-time scheduling: engagement history per account, and each campaign's calendar options.

-- Which account a sample belongs to, so an account's history is one index range.
ALTER TABLE metric_samples ADD COLUMN account_id text REFERENCES accounts(id);
CREATE INDEX metric_samples_account ON metric_samples (account_id, metric);

-- The campaign's calendar as configured (windowMinutes, per-platform windows); the slot columns
-- stay where they are because planning locks and counts on them.
ALTER TABLE campaigns ADD COLUMN calendar jsonb NOT NULL DEFAULT '{}';

-- An account's upcoming and recent posts, for the minimum spacing between them.
CREATE INDEX posts_account_schedule ON posts (account_id, scheduled_at)
  WHERE state IN ('SCHEDULED', 'PUBLISHING', 'PUBLISHED');
