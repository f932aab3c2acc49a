-- Land and Bund values with their status (published, computed, absent) and the reason when absent.
SELECT a.indicator, a.region, r.name AS region_name, a.year, a.period, a.value, a.flag, a.status, a.method,
       a.kreise_with_value, a.kreise_expected, a.note
FROM aggregates a JOIN regions r ON r.id = a.region
WHERE $indicator::VARCHAR IS NULL OR a.indicator = $indicator::VARCHAR
ORDER BY a.indicator, a.region, a.period;
