-- The overlay data/updates/*.csv: values pulled live, in the snapshot's observations format.
-- $files is the list of update files sorted by name; the position in that list is the
-- priority, so a later file (named with a sortable date prefix) wins over an earlier one,
-- and every update wins over the snapshot (priority 0).
INSERT INTO staged_observations
SELECT indicator, region, period, NULLIF(value, ''), NULLIF(flag, ''), source,
       'updates/' || parse_filename(filename), list_position($files, filename)
FROM read_csv($files, header = true, all_varchar = true, delim = ',', quote = '"', filename = true,
              union_by_name = true);
