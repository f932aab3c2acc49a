-- The coverage of every indicator: per indicator, level of the registry and year, the regions
-- with a number, the regions with any observation, and the regions of that level. One definition
-- for the quality report (quality.sql) and the data-quality page (exports/sql/quality-page-coverage.sql).
-- The levels are the registry's (indicators.meta.levels); the years run from the first to the last
-- year that level has observations, so gaps show as low coverage. A level the registry names but
-- that has no observation at all gets one row with year NULL. A valueless flag does not count as covered.
CREATE VIEW coverage AS
WITH levels AS (
  SELECT id AS indicator, unnest(CAST(json_extract(meta, '$.levels') AS VARCHAR[])) AS level FROM indicators
),
expected AS (
  SELECT level, count(*) AS n FROM regions GROUP BY level
),
observed AS (
  SELECT o.indicator, r.level, o.year, o.region, o.value
  FROM observations o JOIN regions r ON r.id = o.region
),
spans AS (
  SELECT indicator, level, min(year) AS first, max(year) AS last FROM observed GROUP BY indicator, level
),
years AS (
  SELECT l.indicator, l.level,
         unnest(CASE WHEN s.first IS NULL THEN [NULL]::INTEGER[] ELSE CAST(range(s.first, s.last + 1) AS INTEGER[]) END) AS year
  FROM levels l LEFT JOIN spans s USING (indicator, level)
)
SELECT y.indicator, y.level, y.year,
       count(DISTINCT o.region) FILTER (WHERE o.value IS NOT NULL)::INTEGER AS with_value,
       count(DISTINCT o.region)::INTEGER AS with_observation,
       coalesce(e.n, 0)::INTEGER AS expected
FROM years y
LEFT JOIN expected e ON e.level = y.level
LEFT JOIN observed o ON o.indicator = y.indicator AND o.level = y.level AND o.year = y.year
GROUP BY ALL;
