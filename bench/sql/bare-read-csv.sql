-- The baseline: DuckDB reading the snapshot's CSV files into tables with nothing else
-- (types auto-detected, no casts, no constraints). Paths are bound.
CREATE TABLE regions AS SELECT * FROM read_csv($regions);
CREATE TABLE observations AS SELECT * FROM read_csv($observations);
