-- Who owns each catalog row: 'config' rows are written from the configuration at every start and
-- only the configuration may change them; 'api' rows were created through the REST API, and the
-- configuration sync never touches them.
ALTER TABLE brands ADD COLUMN managed_by text NOT NULL DEFAULT 'config' CHECK (managed_by IN ('config', 'api'));
ALTER TABLE accounts ADD COLUMN managed_by text NOT NULL DEFAULT 'config' CHECK (managed_by IN ('config', 'api'));
ALTER TABLE campaigns ADD COLUMN managed_by text NOT NULL DEFAULT 'config' CHECK (managed_by IN ('config', 'api'));

-- accounts.status, besides ACTIVE and NEEDS_REAUTHORIZATION (mirrored from account_tokens by the
-- agents), may now be PAUSED (set through the API: nothing new is planned or accepted for it) or
-- DELETED (removed through the API: kept so that its posts and metrics still name it).
