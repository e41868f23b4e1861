-- a spot check (about one in three fails; READ COMMITTED: a failing one
-- waits for a publication of the category, and revokes in the new list)
\set pick random(1, 100000)
\set m random(1, 1500)
BEGIN;
SELECT coalesce(load.spot_check(:pick, :m), '-') AS res \gset
COMMIT;
\shell echo checked :res >> $FR_ACK
