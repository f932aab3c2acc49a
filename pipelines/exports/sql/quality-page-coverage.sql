-- Coverage for the data-quality page (/daten/): per indicator, level of the registry and year,
-- the regions with a number and the regions of that level. Years run from the level's first to
-- its last year with an observation, so gaps show as 0. A valueless flag does not count.
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
  SELECT l.indicator, l.level, unnest(CAST(range(s.first, s.last + 1) AS INTEGER[])) AS year
  FROM levels l JOIN spans s USING (indicator, level)
)
SELECT y.indicator, y.level, y.year,
       count(DISTINCT o.region) FILTER (WHERE o.value IS NOT NULL)::INTEGER AS with_value,
       coalesce(e.n, 0)::INTEGER AS expected
FROM years y
LEFT JOIN expected e ON e.level = y.level
LEFT JOIN observed o ON o.indicator = y.indicator AND o.level = y.level AND o.year = y.year
GROUP BY ALL
ORDER BY y.indicator, y.level, y.year;
