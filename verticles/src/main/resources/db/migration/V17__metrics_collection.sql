-- Metrics collection: when each published post's insights are read next, and the latest values
-- read, so live totals and the comment check need no scan of metric_samples.
CREATE TABLE metric_polls (
  post_id      uuid PRIMARY KEY REFERENCES posts(id),
  brand_id     text NOT NULL,
  platform     text NOT NULL,
  published_at timestamptz NOT NULL,
  next_at      timestamptz NOT NULL,
  polls        integer NOT NULL DEFAULT 0,
  -- metric name -> latest value, as the platform's agent normalised it
  latest       jsonb NOT NULL DEFAULT '{}',
  sampled_at   timestamptz,
  -- set when the platform no longer knows the post, or it grew too old to poll; never polled again
  retired_at   timestamptz
);
CREATE INDEX metric_polls_due ON metric_polls (next_at) WHERE retired_at IS NULL;
CREATE INDEX metric_polls_recent ON metric_polls (published_at) WHERE sampled_at IS NOT NULL;

-- A post's time series, one metric at a time.
CREATE INDEX metric_samples_post ON metric_samples (post_id, metric, sampled_at);
