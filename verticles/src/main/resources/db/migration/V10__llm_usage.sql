-- What LLM generation used and cost, per brand, UTC day, provider and model: one row each,
-- added to as generations are billed (cache hits are not). Offline generations are recorded
-- too, at no cost, so usage shows every post's text. No foreign key to brands: usage is kept
-- for brands later removed from the configuration.
CREATE TABLE llm_usage (
  brand_id      text          NOT NULL,
  day           date          NOT NULL,
  provider      text          NOT NULL,
  model         text          NOT NULL,
  requests      bigint        NOT NULL DEFAULT 0,
  input_tokens  bigint        NOT NULL DEFAULT 0,
  output_tokens bigint        NOT NULL DEFAULT 0,
  images        bigint        NOT NULL DEFAULT 0,
  cost          numeric(18,8) NOT NULL DEFAULT 0,
  PRIMARY KEY (brand_id, day, provider, model)
);

-- Usage listed over all brands by day.
CREATE INDEX llm_usage_day ON llm_usage (day);
