-- Why a FAILED post failed: EXHAUSTED when it ran out of attempts on failures that might have
-- passed (an operator may well requeue it), PERMANENT when the platform or a stage refused it for
-- a reason retrying cannot fix. NULL for posts that are not FAILED.
ALTER TABLE posts ADD COLUMN failure_kind text CHECK (failure_kind IN ('EXHAUSTED', 'PERMANENT'));
