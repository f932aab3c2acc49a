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

-- What makes two values of an indicator comparable over time (registry: comparability), one
-- row per entry; for an observation the matching entry with the smallest position applies
-- (source_id NULL = any source, year_from/year_to NULL = open). The labels are the German
-- words of src/shared/comparability.ts, used in the reasons why a change is not computed.
CREATE TABLE indicator_series (
  indicator VARCHAR NOT NULL,
  position INTEGER NOT NULL,
  source_id VARCHAR,
  year_from INTEGER,
  year_to INTEGER,
  reference VARCHAR NOT NULL,      -- annual_average, reference_date, school_year, month, semester, calendar_year
  reference_at VARCHAR NOT NULL,   -- '31.12.', '01.03.', 'Oktober' … ('' when the kind says it all)
  reference_label VARCHAR NOT NULL,
  precision DOUBLE NOT NULL,       -- rounding step of the published value in the indicator's unit
  precision_label VARCHAR NOT NULL,
  basis VARCHAR,                   -- zensus2011, zensus2022, einwohnerregister; NULL = no population enters
  basis_label VARCHAR NOT NULL,
  PRIMARY KEY (indicator, position)
);

-- The German words for the flags (src/shared/flags.ts), for the reasons in facts.
CREATE TABLE flag_labels (
  flag VARCHAR PRIMARY KEY,
  label VARCHAR NOT NULL
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
