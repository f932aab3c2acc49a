-- Every observation of one level ($level) in the periods that make a map: at least
-- $min_regions regions of the level with a number. A lone Berlin value (Kitas, schools, MSS
-- at Kreis level) does not make a map of 400 Kreise; those indicators have the Berlin map.
-- Flagged rows without a number are kept: the map says what the flag means, never 0.
-- Published observations only (no computed values exist below Land level).
WITH obs AS (
  SELECT o.indicator, o.region, o.period, o.year, o.value, o.flag, o.source
  FROM observations o JOIN regions r ON r.id = o.region
  WHERE r.level = $level::VARCHAR
),
mappable AS (
  SELECT indicator, period FROM obs GROUP BY indicator, period HAVING count(value) >= $min_regions::INTEGER
)
SELECT obs.indicator, obs.region, obs.period, obs.year, obs.value, obs.flag, obs.source
FROM obs JOIN mappable USING (indicator, period)
ORDER BY obs.indicator, obs.period, obs.region;
