-- The latest period of one indicator for all Kreise; $indicator is bound.
-- Regions with a flag and no number keep their row (value NULL) so the page can say why.
WITH latest AS (
  SELECT max(period) AS period FROM observations WHERE indicator = $indicator AND value IS NOT NULL
)
SELECT r.id, r.name, r.land, l.name AS land_name, r.type, o.value, o.flag, o.period, o.source
FROM regions r
JOIN regions l ON l.id = r.land
CROSS JOIN latest
LEFT JOIN observations o ON o.region = r.id AND o.indicator = $indicator AND o.period = latest.period
WHERE r.level = 'kreis'
ORDER BY r.id;
