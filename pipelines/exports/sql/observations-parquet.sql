-- $path: the output file. zstd: small and read by every Parquet reader (pandas, R arrow, DuckDB).
COPY (SELECT * FROM analyst_observations) TO $path (FORMAT parquet, COMPRESSION zstd);
