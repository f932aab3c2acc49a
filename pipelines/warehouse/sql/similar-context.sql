-- The context values for the similar-peers computation: for each source indicator
-- ($indicators) the values of the regions of $level in one period, the newest in which every
-- region has a number. If no period is complete, the one with the most numbers (the newest of
-- those); the gaps then follow the missing-value rule of src/shared/similarity.ts.
-- Values without a number (flags '.', 'x', …) stay NULL, never 0.
WITH level_regions AS (
  SELECT id FROM regions WHERE level = $level
),
coverage AS (
  SELECT o.indicator, o.period, count(o.value) AS n
  FROM observations o JOIN level_regions r ON r.id = o.region
  WHERE list_contains($indicators, o.indicator)
  GROUP BY o.indicator, o.period
),
chosen AS (
  SELECT indicator, period FROM coverage
  QUALIFY row_number() OVER (PARTITION BY indicator ORDER BY n DESC, period DESC) = 1
)
SELECT c.indicator, c.period, r.id AS region, o.value
FROM chosen c
CROSS JOIN level_regions r
LEFT JOIN observations o ON o.indicator = c.indicator AND o.period = c.period AND o.region = r.id
ORDER BY c.indicator, r.id;
