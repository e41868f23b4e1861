-- a draft and its indicator
\set e random(1, 64)
\set r random(1, 1000)
BEGIN;
SELECT load.disclose(:e, :r) AS id \gset
COMMIT;
\shell echo draft :id >> $FR_ACK
