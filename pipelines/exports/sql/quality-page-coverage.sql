-- Coverage for the data-quality page (/daten/): the warehouse's coverage view (defined once in
-- pipelines/warehouse/sql/coverage.sql), without the rows of levels that have no observation.
SELECT indicator, level, year, with_value, expected
FROM coverage
WHERE year IS NOT NULL
ORDER BY indicator, level, year;
