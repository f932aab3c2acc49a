-- Loads the snapshot's CSV files; $regions, $observations are file paths bound as parameters.
-- Every column is read as text first so that keys keep their leading zeros ('01001').

INSERT INTO regions
SELECT id, name, level, type, NULLIF(parent, ''), NULLIF(land, ''),
       CAST(NULLIF(kreisfrei, '') AS BOOLEAN), CAST(NULLIF(bbsr_kreistyp, '') AS INTEGER),
       CAST(NULLIF(population, '') AS BIGINT), CAST(NULLIF(population_date, '') AS DATE),
       CAST(NULLIF(area_km2, '') AS DOUBLE)
FROM read_csv($regions, header = true, all_varchar = true, delim = ',', quote = '"');

-- The snapshot is the base layer (priority 0). The value stays text until the merge, so a
-- value that is not a number is reported by the check value_not_numeric instead of aborting.
INSERT INTO staged_observations
SELECT indicator, region, period, NULLIF(value, ''), NULLIF(flag, ''), source, 'snapshot', 0
FROM read_csv($observations, header = true, all_varchar = true, delim = ',', quote = '"');
