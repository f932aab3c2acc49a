-- The comparisons of a region (every region when $region is NULL) with each of its peer
-- groups, in the groups' display order.
SELECT c.region, c.indicator, c.period, c.group_id, c.rank, c.n_ranked, c.percentile, c.median, c.q1, c.q3
FROM comparisons c
JOIN peer_groups g ON g.id = c.group_id
WHERE $region::VARCHAR IS NULL OR c.region = $region::VARCHAR
ORDER BY c.region, c.indicator, c.period, g.sort, g.id;
