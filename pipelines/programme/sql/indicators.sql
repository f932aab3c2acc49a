-- For the programme dashboard: every indicator the warehouse holds and, for each of the
-- programme's profile regions ($regions, bound as a list), its latest value and that value's
-- period. A region without any value has no row: the page shows "kein Wert", never 0.
-- Periods can differ between regions (Berlin's districts come from another source than the
-- Kreise); the page names them, and every source its values come from.
WITH wanted AS (
  SELECT DISTINCT unnest($regions::VARCHAR[]) AS region
),
latest AS (
  SELECT o.indicator, o.region, max(o.period) AS period, arg_max(o.value, o.period) AS value, arg_max(o.source, o.period) AS source
  FROM observations o JOIN wanted w ON w.region = o.region
  WHERE o.value IS NOT NULL
  GROUP BY o.indicator, o.region
)
SELECT i.id, i.meta AS indicator, s.meta AS source, l.region, l.period, l.value
FROM indicators i
JOIN latest l ON l.indicator = i.id
JOIN sources s ON s.id = l.source
ORDER BY i.name, i.id, l.region;
