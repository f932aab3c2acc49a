-- Base tables of the warehouse, loaded from data/snapshot/.

CREATE TABLE regions (
  id VARCHAR PRIMARY KEY,          -- AGS with leading zeros; 'DG' = Bund; Berlin districts 110NN0NN
  name VARCHAR NOT NULL,
  level VARCHAR NOT NULL,          -- bund, land, kreis, bezirk, planungsraum
  type VARCHAR NOT NULL,
  parent VARCHAR,
  land VARCHAR,
  kreisfrei BOOLEAN,
  bbsr_kreistyp INTEGER,           -- siedlungsstruktureller Kreistyp 2020 (1–4)
  population BIGINT,               -- 31.12.2021 (GV-ISys), fixes peer-group membership for all years
  population_date DATE,
  area_km2 DOUBLE
);

CREATE TABLE indicators (
  id VARCHAR PRIMARY KEY,
  name VARCHAR NOT NULL,
  short_name VARCHAR NOT NULL,
  unit VARCHAR NOT NULL,
  decimals INTEGER NOT NULL,
  area VARCHAR NOT NULL,
  range_min DOUBLE NOT NULL,
  range_max DOUBLE NOT NULL,
  polarity VARCHAR NOT NULL,
  source_id VARCHAR NOT NULL,
  meta JSON NOT NULL               -- the whole registry entry, for pages and exports
);

CREATE TABLE sources (
  id VARCHAR PRIMARY KEY,
  meta JSON NOT NULL
);

CREATE TABLE observations (
  indicator VARCHAR NOT NULL,
  region VARCHAR NOT NULL,
  period VARCHAR NOT NULL,         -- '2015' (year or school year as labelled) or '2023-03-01' (reference date)
  year INTEGER NOT NULL,
  value DOUBLE,                    -- NULL when the source publishes no number (flag '.', 'x', '/', '...')
  flag VARCHAR,
  source VARCHAR NOT NULL,
  PRIMARY KEY (indicator, region, period)
);
