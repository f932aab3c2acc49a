-- Queries of the quality report (data/reports/quality.json), run on the new warehouse.

-- name: coverage
-- Per indicator, level and year (the view is defined in coverage.sql).
SELECT * FROM coverage ORDER BY indicator, level, year NULLS FIRST;

-- name: flags
SELECT indicator, flag, count(*)::INTEGER AS n FROM observations WHERE flag IS NOT NULL GROUP BY ALL ORDER BY indicator, flag;

-- name: latest
-- The latest year with at least one number, per indicator (NULL if it has none).
SELECT i.id AS indicator, max(o.year) FILTER (WHERE o.value IS NOT NULL) AS latest_year, count(o.indicator)::INTEGER AS observations
FROM indicators i LEFT JOIN observations o ON o.indicator = i.id
GROUP BY i.id ORDER BY i.id;

-- name: overlay
SELECT origin, count(*)::INTEGER AS n FROM observations GROUP BY origin ORDER BY origin;

-- name: superseded
SELECT origin, superseded_by, count(*)::INTEGER AS n FROM superseded_observations GROUP BY ALL ORDER BY ALL;

-- name: aggregates
SELECT status, method, count(*)::INTEGER AS n FROM aggregates GROUP BY ALL ORDER BY ALL;
