-- The registry with what the warehouse holds for each indicator: years, regions with values,
-- and how its Land/Bund values come about.
SELECT i.id, i.meta,
       min(o.year) FILTER (WHERE o.value IS NOT NULL) AS first_year,
       max(o.year) FILTER (WHERE o.value IS NOT NULL) AS last_year,
       count(DISTINCT o.region) FILTER (WHERE o.value IS NOT NULL)::INTEGER AS regions_with_value,
       count(o.indicator)::INTEGER AS observations
FROM indicators i LEFT JOIN observations o ON o.indicator = i.id
GROUP BY i.id, i.meta
ORDER BY i.id;
