-- DuckDB's reading of the same ffcsv, for comparison with the streaming parser: region,
-- period, value, flag with the special values handled as the parser does.
CREATE TABLE ffcsv AS
SELECT "1_variable_attribute_code" AS region,
       "time" AS period,
       -- '-' is "nothing, exactly zero": 0; the other special values carry no number.
       CASE WHEN "value" = '-' THEN 0
            WHEN "value" IN ('.', '...', '/', 'x') THEN NULL
            -- decimal comma (language=de); GENESIS writes no thousands separator
            ELSE CAST(replace("value", ',', '.') AS DOUBLE) END AS value,
       CASE WHEN "value" IN ('-', '.', '...', '/', 'x') THEN "value" END AS flag
FROM read_csv($path, delim = ';', header = true, all_varchar = true, quote = '"');
