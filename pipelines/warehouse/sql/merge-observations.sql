-- Applies the overlay: one row per (indicator, region, period), the one with the highest
-- priority. The newest value wins; the rows it replaced are kept in superseded_observations,
-- so every value's provenance (snapshot or which update file) stays visible.

CREATE TABLE observations AS
SELECT indicator, region, period,
       TRY_CAST(substr(period, 1, 4) AS INTEGER) AS year,   -- the year a period belongs to ('2015', '2023-03-01')
       TRY_CAST(value_text AS DOUBLE) AS value,             -- NULL when the source publishes no number (flag '.', 'x', '/', '...')
       flag, source, origin
FROM staged_observations
QUALIFY row_number() OVER (PARTITION BY indicator, region, period ORDER BY priority DESC) = 1;

CREATE TABLE superseded_observations AS
SELECT s.indicator, s.region, s.period, TRY_CAST(s.value_text AS DOUBLE) AS value, s.flag, s.source,
       s.origin, o.origin AS superseded_by
FROM staged_observations s
JOIN observations o USING (indicator, region, period)
WHERE s.origin <> o.origin;
