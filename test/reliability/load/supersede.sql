-- a new version of a current disclosure, published
\set pick random(1, 100000)
\set r random(1, 1000)
BEGIN;
SELECT coalesce(load.supersede(:pick, :r), '-') AS res \gset
COMMIT;
\shell echo superseded :res >> $FR_ACK
