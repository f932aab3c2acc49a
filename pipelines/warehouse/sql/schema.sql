-- Base tables of the warehouse, loaded from data/snapshot/ and the overlay data/updates/.
-- Derived tables (peer groups, aggregates, facts, comparisons) are created by their own
-- scripts with CREATE TABLE … AS, set-based; their columns are documented there.

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
  aggregation VARCHAR NOT NULL,    -- published, sum, weighted, none (registry: aggregation.method)
  aggregation_weight VARCHAR,      -- indicator id of the weight (the denominator) for 'weighted'
  aggregation_note VARCHAR NOT NULL, -- why a Land/Bund value may be absent, shown on pages
  meta JSON NOT NULL               -- the whole registry entry, for pages and exports
);

CREATE TABLE sources (
  id VARCHAR PRIMARY KEY,
  meta JSON NOT NULL
);

-- Every observation as read, before the overlay is applied: the snapshot has priority 0,
-- the update files 1, 2, … in file-name order. A temp table: the merge keeps the winning rows
-- in observations and the replaced ones in superseded_observations; the rest is not stored.
CREATE TEMP TABLE staged_observations (
  indicator VARCHAR NOT NULL,
  region VARCHAR NOT NULL,
  period VARCHAR NOT NULL,
  value_text VARCHAR,              -- as written; cast once in merge-observations.sql
  flag VARCHAR,
  source VARCHAR NOT NULL,
  origin VARCHAR NOT NULL,         -- 'snapshot' or 'updates/<file>.csv'
  priority INTEGER NOT NULL        -- higher wins
);
