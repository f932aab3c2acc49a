-- Consistency checks: each query returns the offending rows; the build fails if any returns one.

-- name: observation_unknown_region
SELECT o.indicator, o.region, o.period FROM observations o ANTI JOIN regions r ON o.region = r.id LIMIT 20;

-- name: observation_unknown_indicator
SELECT o.indicator, o.region, o.period FROM observations o ANTI JOIN indicators i ON o.indicator = i.id LIMIT 20;

-- name: value_out_of_range
SELECT o.indicator, o.region, o.period, o.value FROM observations o JOIN indicators i ON o.indicator = i.id
WHERE o.value < i.range_min OR o.value > i.range_max LIMIT 20;

-- name: valueless_flag_with_value
-- '.', 'x', '/', '...' mean "no number": a value next to them would be invented.
SELECT indicator, region, period, flag, value FROM observations WHERE flag IN ('.', 'x', '/', '...') AND value IS NOT NULL LIMIT 20;

-- name: missing_value_without_flag
SELECT indicator, region, period FROM observations WHERE value IS NULL AND flag IS NULL LIMIT 20;

-- name: region_unknown_parent
SELECT r.id, r.parent FROM regions r WHERE r.parent IS NOT NULL AND r.parent NOT IN (SELECT id FROM regions) LIMIT 20;
