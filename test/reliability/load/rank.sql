-- the live ranking (read only)
SELECT count(*) FROM frontrunner.rank_plan('LD');
