-- For each indicator and level (kreis, bezirk): the latest period with at least one number,
-- and every region's value and flag in that period. The profile page draws its peer strips
-- and ranks user-picked comparison sets from this one shared file.
WITH latest AS (
  SELECT o.indicator, r.level, max(o.period) AS period
  FROM observations o JOIN regions r ON r.id = o.region
  WHERE r.level IN ('kreis', 'bezirk') AND o.value IS NOT NULL
  GROUP BY o.indicator, r.level
)
SELECT l.indicator, l.level, l.period, o.region, o.value, o.flag
FROM latest l
JOIN observations o ON o.indicator = l.indicator AND o.period = l.period
JOIN regions r ON r.id = o.region AND r.level = l.level
ORDER BY l.indicator, l.level, o.region;
