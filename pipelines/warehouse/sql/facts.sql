-- facts: every value a page or export shows for a region: all observations (published by a
-- source, any level) plus the Land/Bund values computed in aggregates (computed = true),
-- with the changes over 1, 5 and 10 years.

-- A change needs two plain numbers: value IS NOT NULL and a flag that does not qualify the
-- number. '-' (exactly zero), 'e' (final) and 'r' (revised) are plain numbers; 'p'
-- (provisional), 's' (estimated) and '()' (limited reliability) are not, and the valueless
-- flags ('.', '...', '/', 'x') carry no number at all. So a change is never computed from a
-- value its publisher itself qualifies.
CREATE MACRO plain_number(value, flag) AS value IS NOT NULL AND (flag IS NULL OR flag IN ('-', 'e', 'r'));

CREATE TABLE facts AS
WITH base AS (
  SELECT indicator, region, period, year, value, flag, source, origin, false AS computed
  FROM observations
  UNION ALL
  SELECT indicator, region, period, year, value, NULL, source, 'computed:' || method, true
  FROM aggregates WHERE status = 'computed'
),
plain AS (
  -- substr(period, 5) is '' for a year and '-03-01' for a reference date: a change compares
  -- the same reference date n years earlier, never 01.03. with 31.12.
  SELECT indicator, region, year, substr(period, 5) AS day, value
  FROM base WHERE plain_number(value, flag)
)
SELECT b.indicator, b.region, b.period, b.year, b.value, b.flag, b.source, b.origin, b.computed,
       CASE WHEN plain_number(b.value, b.flag) THEN b.value - p1.value END AS change_1y,
       CASE WHEN plain_number(b.value, b.flag) THEN b.value - p5.value END AS change_5y,
       CASE WHEN plain_number(b.value, b.flag) THEN b.value - p10.value END AS change_10y
FROM base b
LEFT JOIN plain p1 ON p1.indicator = b.indicator AND p1.region = b.region AND p1.day = substr(b.period, 5) AND p1.year = b.year - 1
LEFT JOIN plain p5 ON p5.indicator = b.indicator AND p5.region = b.region AND p5.day = substr(b.period, 5) AND p5.year = b.year - 5
LEFT JOIN plain p10 ON p10.indicator = b.indicator AND p10.region = b.region AND p10.day = substr(b.period, 5) AND p10.year = b.year - 10;
