-- Each platform account's OAuth tokens as the agents renew them, and whether it may publish.
-- Tokens are AES-256-GCM sealed (12-byte nonce, then ciphertext and tag) with tokens.encryptionKey;
-- they are NULL when no key is configured, and then live in the agents' memory only.
-- No foreign key to accounts: an agent may store a token before the catalog sync wrote the account.
CREATE TABLE account_tokens (
  account_id         text PRIMARY KEY,
  platform           text NOT NULL,
  status             text NOT NULL DEFAULT 'ACTIVE'
                     CHECK (status IN ('ACTIVE', 'NEEDS_REAUTHORIZATION')),
  status_detail      text,
  access_token       bytea,
  refresh_token      bytea,
  access_expires_at  timestamptz,
  -- SHA-256 of the configured tokens the row was seeded from: new ones in the configuration win.
  seed_digest        text NOT NULL,
  -- Bumped by every change, so a node can tell that another one renewed the tokens meanwhile.
  version            bigint NOT NULL DEFAULT 1,
  updated_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX account_tokens_status ON account_tokens (status) WHERE status <> 'ACTIVE';
