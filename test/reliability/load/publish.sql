-- publication of a draft
\set pick random(1, 100000)
BEGIN;
SELECT coalesce(load.publish(:pick), '-') AS res \gset
COMMIT;
\shell echo published :res >> $FR_ACK
