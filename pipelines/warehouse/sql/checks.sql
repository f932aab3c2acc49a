-- Consistency checks: each query returns the offending rows (at most 20); the build fails
-- if any returns one, and the previous warehouse stays in place.

-- name: regions_duplicate_id
SELECT id, count(*) AS n FROM regions GROUP BY id HAVING count(*) > 1 LIMIT 20;

-- name: region_unknown_parent
SELECT r.id, r.parent FROM regions r WHERE r.parent IS NOT NULL AND r.parent NOT IN (SELECT id FROM regions) LIMIT 20;

-- name: region_unknown_level
SELECT id, level FROM regions WHERE level NOT IN ('bund', 'land', 'kreis', 'gemeinde', 'bezirk', 'planungsraum') LIMIT 20;

-- name: duplicate_key_in_one_file
-- Within one file a key may appear once; the overlay only resolves keys across files.
SELECT indicator, region, period, origin, count(*) AS n FROM staged_observations
GROUP BY indicator, region, period, origin HAVING count(*) > 1 LIMIT 20;

-- name: observations_row_count
-- The merge keeps exactly one row per distinct key read.
SELECT (SELECT count(*) FROM observations) AS observations,
       (SELECT count(*) FROM (SELECT DISTINCT indicator, region, period FROM staged_observations)) AS distinct_keys
WHERE observations <> distinct_keys;

-- name: observations_duplicate_key
SELECT indicator, region, period, count(*) AS n FROM observations GROUP BY ALL HAVING count(*) > 1 LIMIT 20;

-- name: region_key_lost_leading_zero
-- '5315' for '05315': a spreadsheet dropped the zero. Refused with the key it probably means,
-- never kept as a region of its own (checked before the general unknown-region check).
SELECT o.indicator, o.region, o.period, o.origin, r.id AS probably FROM observations o
JOIN regions r ON r.id = '0' || o.region
WHERE o.region NOT IN (SELECT id FROM regions) LIMIT 20;

-- name: observation_unknown_region
SELECT o.indicator, o.region, o.period, o.origin FROM observations o ANTI JOIN regions r ON o.region = r.id LIMIT 20;

-- name: observation_unknown_indicator
SELECT o.indicator, o.region, o.period, o.origin FROM observations o ANTI JOIN indicators i ON o.indicator = i.id LIMIT 20;

-- name: observation_unknown_source
SELECT o.indicator, o.region, o.period, o.source FROM observations o ANTI JOIN sources s ON o.source = s.id LIMIT 20;

-- name: period_malformed
-- A year '2015' or a reference date '2023-03-01' (snapshot format) that exists: '2024-02-31'
-- has the shape but no such day, 'banana' neither.
SELECT indicator, region, period, origin FROM observations
WHERE NOT regexp_full_match(period, '\d{4}(-\d{2}-\d{2})?') OR year IS NULL
   OR (length(period) = 10 AND TRY_CAST(period AS DATE) IS NULL) LIMIT 20;

-- name: value_not_numeric
SELECT indicator, region, period, origin, value_text FROM staged_observations
WHERE value_text IS NOT NULL AND TRY_CAST(value_text AS DOUBLE) IS NULL LIMIT 20;

-- name: value_out_of_range
SELECT o.indicator, o.region, o.period, o.value, i.range_min, i.range_max, o.origin
FROM observations o JOIN indicators i ON o.indicator = i.id
WHERE o.value < i.range_min OR o.value > i.range_max OR isnan(o.value) OR isinf(o.value) LIMIT 20;

-- name: flag_unknown
SELECT indicator, region, period, flag FROM observations
WHERE flag NOT IN ('-', '.', '...', '/', 'x', '()', 'p', 'r', 's', 'e') LIMIT 20;

-- name: valueless_flag_with_value
-- '.', 'x', '/', '...' mean "no number": a value next to them would be invented.
SELECT indicator, region, period, flag, value FROM observations WHERE flag IN ('.', 'x', '/', '...') AND value IS NOT NULL LIMIT 20;

-- name: dash_flag_not_zero
-- '-' means "nothing, exactly zero": its value is 0, never missing and never another number.
SELECT indicator, region, period, flag, value FROM observations WHERE flag = '-' AND value IS DISTINCT FROM 0 LIMIT 20;

-- name: missing_value_without_flag
-- A missing number must say why (a special value); an empty cell without one is an import error.
SELECT indicator, region, period, origin FROM observations WHERE value IS NULL AND flag IS NULL LIMIT 20;

-- name: indicator_unknown_aggregation
SELECT id, aggregation FROM indicators WHERE aggregation NOT IN ('published', 'sum', 'weighted', 'none') LIMIT 20;

-- name: peer_group_unknown
SELECT DISTINCT group_id, region FROM peer_group_members ANTI JOIN peer_groups g ON g.id = group_id LIMIT 20;

-- name: peer_group_member_level
-- A group compares regions of one level only (a district is never ranked among Kreise).
SELECT m.group_id, m.region, r.level FROM peer_group_members m
JOIN peer_groups g ON g.id = m.group_id JOIN regions r ON r.id = m.region
WHERE r.level <> g.level LIMIT 20;

-- name: grossstaedte_not_kreisfrei
SELECT region FROM peer_group_members WHERE group_id = 'grossstaedte'
AND region NOT IN (SELECT region FROM peer_group_members WHERE group_id = 'kreisfrei') LIMIT 20;

-- name: kreis_not_in_exactly_one_of_kreisfrei_landkreise
-- kreisfrei must be known for every Kreis: a NULL would drop it from both groups.
SELECT r.id, count(m.group_id) AS n FROM regions r
LEFT JOIN peer_group_members m ON m.region = r.id AND m.group_id IN ('kreisfrei', 'landkreise')
WHERE r.level = 'kreis' GROUP BY r.id HAVING count(m.group_id) <> 1 LIMIT 20;

-- name: aggregates_duplicate_key
SELECT indicator, region, period, count(*) AS n FROM aggregates GROUP BY ALL HAVING count(*) > 1 LIMIT 20;

-- name: aggregates_absent_without_reason
SELECT indicator, region, period FROM aggregates WHERE status = 'absent' AND (note IS NULL OR note = '') LIMIT 20;

-- name: aggregates_computed_out_of_range
-- A sum can leave a share's range only through bad input; a weighted mean never can.
SELECT a.indicator, a.region, a.period, a.value FROM aggregates a JOIN indicators i ON i.id = a.indicator
WHERE a.status = 'computed' AND a.method = 'weighted' AND (a.value < i.range_min OR a.value > i.range_max) LIMIT 20;

-- name: facts_row_count
SELECT (SELECT count(*) FROM facts) AS facts,
       (SELECT count(*) FROM observations) + (SELECT count(*) FROM aggregates WHERE status = 'computed') AS expected
WHERE facts <> expected;

-- name: facts_duplicate_key
SELECT indicator, region, period, count(*) AS n FROM facts GROUP BY ALL HAVING count(*) > 1 LIMIT 20;

-- name: comparisons_row_count
SELECT (SELECT count(*) FROM comparisons) AS comparisons,
       (SELECT count(*) FROM peer_group_members m JOIN observations o ON o.region = m.region)
       -- 'aehnliche': only the region's own rows (similar-comparisons.sql).
       + (SELECT count(*) FROM observations o WHERE o.region IN (SELECT region FROM similar_neighbours)) AS expected
WHERE comparisons <> expected;

-- name: comparisons_duplicate_key
-- The 700,000 keys are grouped by one 64-bit hash first (a fifth of the time of grouping four
-- text columns); only rows whose hash repeats are grouped by the key itself, so a hash
-- collision can never report a duplicate that is not one.
WITH repeated AS (SELECT hash(indicator, region, period, group_id) AS h FROM comparisons GROUP BY h HAVING count(*) > 1)
SELECT indicator, region, period, group_id, count(*) AS n FROM comparisons
SEMI JOIN repeated ON hash(indicator, region, period, group_id) = repeated.h
GROUP BY ALL HAVING count(*) > 1 LIMIT 20;

-- name: comparisons_rank_consistent
-- Ranked iff there is a number; rank within 1..n_ranked; quartiles ordered.
SELECT indicator, region, period, group_id, value, rank, n_ranked, q1, median, q3 FROM comparisons
WHERE (value IS NULL) <> (rank IS NULL) OR rank < 1 OR rank > n_ranked
   OR NOT (q1 <= median AND median <= q3) LIMIT 20;

-- name: facts_row_count
-- Every observation and every computed Land/Bund value is one row of facts: an indicator whose
-- registry entry has no comparability entry for a value's source would lose the value.
SELECT (SELECT count(*) FROM facts) AS facts,
       (SELECT count(*) FROM observations) + (SELECT count(*) FROM aggregates WHERE status = 'computed') AS expected
WHERE facts <> expected;

-- name: similar_neighbours_valid
-- A region's similar regions are of its own level, never itself, at most 10 (Berlin districts: 5).
-- (That every Kreis has all 10 on the real snapshot is a test: a small fixture may lack context.)
SELECT n.region, n.neighbour, r.level, o.level AS neighbour_level FROM similar_neighbours n
JOIN regions r ON r.id = n.region JOIN regions o ON o.id = n.neighbour
WHERE o.level <> r.level OR n.neighbour = n.region OR n.position > CASE r.level WHEN 'kreis' THEN 10 ELSE 5 END LIMIT 20;

-- name: similar_contributions_sum_to_one
SELECT region, neighbour, sum(share) AS total FROM similar_contributions
GROUP BY region, neighbour HAVING abs(sum(share) - 1) > 1e-9 AND sum(share) > 0 LIMIT 20;
