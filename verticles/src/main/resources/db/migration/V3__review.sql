-- Brand review rules and the human approval step.

-- automatic: posts that pass the rules are approved at once; human: they wait for a person.
ALTER TABLE brands ADD COLUMN approval text NOT NULL DEFAULT 'automatic'
  CHECK (approval IN ('automatic', 'human'));
-- The brand's review rules as configured: bannedWords, disclosure, allowedLinkDomains,
-- maxHashtags, maxMentions.
ALTER TABLE brands ADD COLUMN review_rules jsonb NOT NULL DEFAULT '{}';

-- Set when a post passed the rules and waits for a person, so the review stage looks at it once.
ALTER TABLE posts ADD COLUMN awaiting_approval_since timestamptz;
CREATE INDEX posts_awaiting_approval ON posts (brand_id, awaiting_approval_since)
  WHERE state = 'IN_REVIEW' AND awaiting_approval_since IS NOT NULL;

-- Near-duplicate checks read an account's latest scheduled and published posts.
CREATE INDEX posts_account_recent ON posts (account_id, updated_at DESC)
  WHERE state IN ('SCHEDULED', 'PUBLISHING', 'PUBLISHED');
