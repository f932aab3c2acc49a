-- Distribution of each indicator per level and period: number of regions with a number,
-- minimum, quartiles and maximum. quantile_cont (linear interpolation, R type 7) as in
-- peer_stats, so the median here equals the one of the peer group "kreise" or "bezirke".
-- A flag without a number is not a value and is left out, never taken as 0.
SELECT o.indicator, r.level, o.period,
       count(o.value)::INTEGER AS n,
       min(o.value) AS min,
       quantile_cont(o.value, 0.25) AS q1,
       quantile_cont(o.value, 0.5) AS median,
       quantile_cont(o.value, 0.75) AS q3,
       max(o.value) AS max
FROM observations o
JOIN regions r ON r.id = o.region
WHERE r.level IN ('kreis', 'bezirk', 'planungsraum') AND o.value IS NOT NULL
  AND ($indicator::VARCHAR IS NULL OR o.indicator = $indicator::VARCHAR)
GROUP BY o.indicator, r.level, o.period
ORDER BY o.indicator, r.level, o.period;
