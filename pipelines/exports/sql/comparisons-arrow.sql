-- One peer group's comparisons (all indicators, or one) for ranking charts.
SELECT c.indicator, c.region, c.year, c.period, c.value, c.flag, c.rank, c.n_ranked AS "of", c.percentile, c.median, c.q1, c.q3
FROM comparisons c
WHERE c.group_id = $group AND ($indicator::VARCHAR IS NULL OR c.indicator = $indicator::VARCHAR)
ORDER BY c.indicator, c.period, c.rank NULLS LAST, c.region;
