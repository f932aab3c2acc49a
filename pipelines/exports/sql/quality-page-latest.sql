-- Latest year with a number per indicator, and the source that delivers it (the one with the
-- most values that year; ties by source id). Indicators without any number get NULLs.
WITH latest AS (
  SELECT indicator, max(year) AS year FROM observations WHERE value IS NOT NULL GROUP BY indicator
),
sources AS (
  SELECT o.indicator, o.source, count(*) AS n,
         row_number() OVER (PARTITION BY o.indicator ORDER BY count(*) DESC, o.source) AS pick
  FROM observations o JOIN latest l ON l.indicator = o.indicator AND l.year = o.year
  WHERE o.value IS NOT NULL
  GROUP BY o.indicator, o.source
)
SELECT i.id AS indicator, l.year::INTEGER AS latest_year, s.source AS latest_source
FROM indicators i
LEFT JOIN latest l ON l.indicator = i.id
LEFT JOIN sources s ON s.indicator = i.id AND s.pick = 1
ORDER BY i.id;
