-- Berlin's Planungsräume, Bezirke and the Kreis 11000: for each indicator of $indicators the
-- latest period the level has (MSS 2021 = 31.12.2020, Kitas December 2022, inhabitants
-- 30.06.2022 for Planungsräume and 31.12.2023 for Bezirke), value and flag as stored.
WITH wanted AS (
  SELECT r.id, r.name, r.level, r.parent
  FROM regions r
  WHERE r.level IN ('planungsraum', 'bezirk') OR r.id = '11000'
),
latest AS (
  SELECT f.indicator, w.level, max(f.period) AS period
  FROM facts f JOIN wanted w ON w.id = f.region
  WHERE list_contains($indicators, f.indicator)
  GROUP BY f.indicator, w.level
)
SELECT w.id, w.name, w.level, w.parent, l.indicator, l.period, f.value, f.flag, f.source
FROM wanted w
JOIN latest l ON l.level = w.level
LEFT JOIN facts f ON f.region = w.id AND f.indicator = l.indicator AND f.period = l.period
ORDER BY w.level, w.id, l.indicator;
