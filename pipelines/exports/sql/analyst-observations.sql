-- All observations for analysts (Parquet and German CSV): the published values only, no
-- computed Land/Bund values, with names so that the file is readable on its own.
CREATE OR REPLACE TEMP VIEW analyst_observations AS
SELECT o.indicator, i.name AS indicator_name, o.region, r.name AS region_name, r.level,
       o.period, o.year, o.value, o.flag, i.unit, o.source, o.origin
FROM observations o
JOIN regions r ON r.id = o.region
JOIN indicators i ON i.id = o.indicator
ORDER BY o.indicator, o.region, o.period;
