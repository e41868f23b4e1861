-- a new list of plan LD, in REPEATABLE READ: when a failing spot check of
-- the category commits after its snapshot, it fails with 40001 and pgbench
-- retries it (--max-tries)
BEGIN ISOLATION LEVEL REPEATABLE READ;
SELECT frontrunner.publish_ranking('LD') AS list \gset
SELECT count(*) AS entries FROM frontrunner.ranking_entry WHERE ranking = :list \gset
COMMIT;
\shell echo list :list :entries >> $FR_ACK
