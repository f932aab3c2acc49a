-- Coverage of every indicator (or one: $indicator) per level and period: regions with a
-- number, regions with a flag but no number, the regions the level has, and the sources of
-- the period. Published observations only: computed Land/Bund values are listed apart
-- (indicator-page-land-bund.sql) and never count as coverage.
WITH expected AS (
  SELECT level, count(*)::INTEGER AS regions FROM regions GROUP BY level
)
SELECT o.indicator, r.level, o.period, o.year,
       count(o.value)::INTEGER AS with_value,
       (count(*) - count(o.value))::INTEGER AS without_value,
       e.regions AS expected,
       list(DISTINCT o.source ORDER BY o.source) AS sources
FROM observations o
JOIN regions r ON r.id = o.region
JOIN expected e ON e.level = r.level
WHERE $indicator::VARCHAR IS NULL OR o.indicator = $indicator::VARCHAR
GROUP BY o.indicator, r.level, o.period, o.year, e.regions
ORDER BY o.indicator, r.level, o.period;
