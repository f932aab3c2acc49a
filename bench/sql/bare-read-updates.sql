-- The baseline for the overlay files (only when data/updates/ has any).
CREATE TABLE updates AS SELECT * FROM read_csv($files, union_by_name = true);
