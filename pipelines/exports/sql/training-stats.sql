-- Median and quartiles of every peer group of $level for one indicator and year, as the
-- warehouse computed them (quantile_cont over the members with a number; n = members ranked).
SELECT s.group_id, s.year, s.n, s.median, s.q1, s.q3
FROM peer_stats s
JOIN peer_groups g ON g.id = s.group_id
WHERE s.indicator = $indicator AND g.level = $level
ORDER BY s.group_id, s.year;
