-- Land and Bund values of every indicator (or one: $indicator) in every period the warehouse
-- knows: published (a source's own value, always first), computed (sum or weighted mean of
-- complete Kreis values) or absent with the reason. The source is the one of a published
-- value; a computed value names the source of the Kreis values it was computed from.
SELECT a.indicator, a.region, r.name AS region_name, r.level, a.period, a.year, a.value, a.flag,
       a.status, a.method, a.source, a.kreise_with_value, a.kreise_expected, a.note
FROM aggregates a
JOIN regions r ON r.id = a.region
WHERE $indicator::VARCHAR IS NULL OR a.indicator = $indicator::VARCHAR
ORDER BY a.indicator, a.period, CASE r.level WHEN 'bund' THEN 0 ELSE 1 END, a.region;
