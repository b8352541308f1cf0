-- The job's StateIfCreateCvmFailed (FAILED or RUNNABLE; null in rows written before it existed,
-- which means FAILED), inherited by every TaskReady like priority and placement.
ALTER TABLE job ADD COLUMN state_if_create_cvm_failed text;
