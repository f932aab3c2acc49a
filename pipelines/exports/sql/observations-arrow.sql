-- Observations plus computed Land/Bund values for the pages, filtered by indicator and/or
-- level when given (NULL = all).
SELECT f.indicator, f.region, f.year, f.period, f.value, f.flag, f.computed
FROM facts f JOIN regions r ON r.id = f.region
WHERE ($indicator::VARCHAR IS NULL OR f.indicator = $indicator::VARCHAR)
  AND ($level::VARCHAR IS NULL OR r.level = $level::VARCHAR)
ORDER BY f.indicator, f.region, f.period;
