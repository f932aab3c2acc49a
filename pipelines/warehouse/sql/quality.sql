-- Queries of the quality report (data/reports/quality.json), run on the new warehouse.

-- name: coverage
-- Per indicator, level and year: regions with a number / regions of that level the registry
-- expects (indicators.meta.levels). A valueless flag does not count as covered.
WITH levels AS (
  SELECT id AS indicator, unnest(CAST(json_extract(meta, '$.levels') AS VARCHAR[])) AS level FROM indicators
),
expected AS (
  SELECT level, count(*) AS n FROM regions GROUP BY level
),
years AS (
  SELECT DISTINCT indicator, year FROM observations
)
SELECT l.indicator, l.level, y.year,
       count(DISTINCT o.region) FILTER (WHERE o.value IS NOT NULL)::INTEGER AS with_value,
       count(DISTINCT o.region)::INTEGER AS with_observation,
       coalesce(e.n, 0)::INTEGER AS expected
FROM levels l
JOIN years y ON y.indicator = l.indicator
LEFT JOIN expected e ON e.level = l.level
LEFT JOIN (observations o JOIN regions r ON r.id = o.region)
  ON o.indicator = l.indicator AND o.year = y.year AND r.level = l.level
GROUP BY ALL
ORDER BY l.indicator, l.level, y.year;

-- name: flags
SELECT indicator, flag, count(*)::INTEGER AS n FROM observations WHERE flag IS NOT NULL GROUP BY ALL ORDER BY indicator, flag;

-- name: latest
-- The latest year with at least one number, per indicator (NULL if it has none).
SELECT i.id AS indicator, max(o.year) FILTER (WHERE o.value IS NOT NULL) AS latest_year, count(o.indicator)::INTEGER AS observations
FROM indicators i LEFT JOIN observations o ON o.indicator = i.id
GROUP BY i.id ORDER BY i.id;

-- name: overlay
SELECT origin, count(*)::INTEGER AS n FROM observations GROUP BY origin ORDER BY origin;

-- name: superseded
SELECT origin, superseded_by, count(*)::INTEGER AS n FROM superseded_observations GROUP BY ALL ORDER BY ALL;

-- name: aggregates
SELECT status, method, count(*)::INTEGER AS n FROM aggregates GROUP BY ALL ORDER BY ALL;
