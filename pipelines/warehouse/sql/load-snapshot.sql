-- Loads the snapshot's CSV files; $regions, $observations are file paths bound as parameters.
-- Every column is read as text first so that keys keep their leading zeros.

INSERT INTO regions
SELECT id, name, level, type, NULLIF(parent, ''), NULLIF(land, ''),
       CAST(NULLIF(kreisfrei, '') AS BOOLEAN), CAST(NULLIF(bbsr_kreistyp, '') AS INTEGER),
       CAST(NULLIF(population, '') AS BIGINT), CAST(NULLIF(population_date, '') AS DATE),
       CAST(NULLIF(area_km2, '') AS DOUBLE)
FROM read_csv($regions, header = true, all_varchar = true, delim = ',', quote = '"');

INSERT INTO observations
SELECT indicator, region, period, CAST(substr(period, 1, 4) AS INTEGER),
       CAST(NULLIF(value, '') AS DOUBLE), NULLIF(flag, ''), source
FROM read_csv($observations, header = true, all_varchar = true, delim = ',', quote = '"');
