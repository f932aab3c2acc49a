-- A municipality's own small-area data (kbm own add → data/own/<region>/), kept apart from the
-- official statistics: own_* tables only, never merged into observations. Every row carries
-- the label of its origin, so no export can mistake it for official data.

CREATE OR REPLACE TABLE own_files (
  region VARCHAR NOT NULL,            -- the Kreis or Berlin district the data belongs to
  role VARCHAR NOT NULL,              -- data, meta, geo
  original VARCHAR NOT NULL,          -- the file name the city gave
  sha256 VARCHAR NOT NULL,
  encoding VARCHAR,                   -- of the CSVs: UTF-8, UTF-8 mit BOM, Windows-1252
  crs VARCHAR,                        -- of the areas as delivered (WGS84 or EPSG:2583x, stored reprojected)
  PRIMARY KEY (region, role)
);

CREATE OR REPLACE TABLE own_indicators (
  region VARCHAR NOT NULL,
  kennzahl VARCHAR NOT NULL,          -- may equal a registry id: then the Kreis value is shown beside it
  name VARCHAR NOT NULL,
  unit VARCHAR NOT NULL,
  definition VARCHAR NOT NULL,
  source VARCHAR NOT NULL,            -- as the city wrote it in kennzahlen.csv
  stichtag VARCHAR NOT NULL,
  polarity VARCHAR NOT NULL,          -- higher_better, higher_worse, neutral
  decimals INTEGER NOT NULL,
  origin VARCHAR NOT NULL,            -- always 'Eigene Daten der Kommune'
  PRIMARY KEY (region, kennzahl)
);

CREATE OR REPLACE TABLE own_observations (
  region VARCHAR NOT NULL,
  area_id VARCHAR NOT NULL,           -- gebiet_id of the city's own areas (not an official key)
  area_name VARCHAR NOT NULL,
  kennzahl VARCHAR NOT NULL,
  year INTEGER NOT NULL,
  value DOUBLE,                       -- NULL with a flag: "." secret, "-" nothing; NULL without: missing
  flag VARCHAR,
  numerator DOUBLE,                   -- zaehler: values with a numerator below the threshold are hidden on pages
  denominator DOUBLE,
  note VARCHAR NOT NULL,
  origin VARCHAR NOT NULL,
  PRIMARY KEY (region, area_id, kennzahl, year)
);

CREATE OR REPLACE TABLE own_areas (
  region VARCHAR NOT NULL,
  area_id VARCHAR NOT NULL,
  name VARCHAR NOT NULL,
  geometry VARCHAR NOT NULL,          -- GeoJSON geometry in WGS84, rings wound for d3
  PRIMARY KEY (region, area_id)
);
