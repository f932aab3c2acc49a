-- facts: every value a page or export shows for a region: all observations (published by a
-- source, any level) plus the Land/Bund values computed in aggregates (computed = true),
-- with the changes over 1, 5 and 10 years and, where a change is not computed although an
-- earlier value exists, the reason (change_1y_reason …, German, shown on pages and exports).

-- A change needs two plain numbers: value IS NOT NULL and a flag that does not qualify the
-- number. '-' (exactly zero), 'e' (final) and 'r' (revised) are plain numbers; 'p'
-- (provisional), 's' (estimated) and '()' (limited reliability) are not, and the valueless
-- flags ('.', '...', '/', 'x') carry no number at all. So a change is never computed from a
-- value its publisher itself qualifies.
CREATE MACRO plain_number(value, flag) AS value IS NOT NULL AND (flag IS NULL OR flag IN ('-', 'e', 'r'));

-- Two values are comparable only if they are the same kind of reference at the same date
-- (an October value is not an annual average; 31.12. is not 30.06.), rest on the same
-- population basis (Zensus 2011 and Zensus 2022 are a break in the series) and have
-- comparable precision: equal rounding steps, or both at least as fine as the figure shown
-- (10^-decimals), so that 2021's exact count is never subtracted from 2022's rounded to 100.
CREATE MACRO precision_comparable(a, b, decimals) AS a = b OR greatest(a, b) <= pow(10, -decimals) + 1e-12;

-- The reason a change from `p` (earlier) to `b` (now) is not computed, or NULL when it is
-- computed or when there is no earlier observation at all (nothing to explain).
CREATE MACRO change_reason(b_plain, b_flag_label, b_flag, b_year, p_year, p_plain, p_flag_label, p_flag,
                           b_ref, b_ref_label, p_ref, p_ref_label, b_basis, b_basis_label, p_basis, p_basis_label,
                           b_precision, b_precision_label, p_precision, p_precision_label, decimals) AS
  CASE
    WHEN p_year IS NULL THEN NULL
    WHEN NOT b_plain THEN 'Keine Veränderung: der Wert ' || b_year || ' ist '
         || coalesce(b_flag_label, 'nicht angegeben') || coalesce(' (' || b_flag || ')', '') || '.'
    WHEN b_ref <> p_ref THEN 'Nicht vergleichbar: ' || b_year || ' ' || b_ref_label || ', ' || p_year || ' ' || p_ref_label || '.'
    WHEN b_basis IS DISTINCT FROM p_basis THEN 'Nicht vergleichbar: ' || b_year || ' ' || b_basis_label || ', ' || p_year || ' '
         || p_basis_label || ' (Bruch in der Reihe).'
    WHEN NOT precision_comparable(b_precision, p_precision, decimals) THEN 'Nicht vergleichbar: ' || b_year || ' ' || b_precision_label
         || ', ' || p_year || ' ' || p_precision_label || '.'
    WHEN NOT p_plain THEN 'Keine Veränderung: der Wert ' || p_year || ' ist '
         || coalesce(p_flag_label, 'nicht angegeben') || coalesce(' (' || p_flag || ')', '') || '.'
  END;

CREATE TABLE facts AS
WITH base AS (
  SELECT indicator, region, period, year, value, flag, source, origin, false AS computed
  FROM observations
  UNION ALL
  SELECT indicator, region, period, year, value, flag, source, 'computed:' || method, true
  FROM aggregates WHERE status = 'computed'
),
-- The comparability entry that applies to each indicator × source × year (the first matching
-- one), resolved once for the few thousand combinations rather than for every value.
resolved AS (
  SELECT k.indicator, k.source, k.year,
         arg_min(s.reference || '@' || s.reference_at, s.position) AS reference,
         arg_min(s.reference_label, s.position) AS reference_label,
         arg_min(s.basis, s.position) AS basis,
         arg_min(s.basis_label, s.position) AS basis_label,
         arg_min(s.precision, s.position) AS precision,
         arg_min(s.precision_label, s.position) AS precision_label
  FROM (SELECT DISTINCT indicator, source, year FROM base) k
  JOIN indicator_series s ON s.indicator = k.indicator
       AND (s.source_id IS NULL OR s.source_id = k.source)
       AND (s.year_from IS NULL OR k.year >= s.year_from)
       AND (s.year_to IS NULL OR k.year <= s.year_to)
  GROUP BY k.indicator, k.source, k.year
),
-- Each value with its comparability entry.
described AS MATERIALIZED (
  SELECT b.*, plain_number(b.value, b.flag) AS plain, fl.label AS flag_label,
         -- substr(period, 5) is '' for a year and '-06-30' for a reference date: a change
         -- compares the same reference date n years earlier.
         substr(b.period, 5) AS day, i.decimals,
         r.reference, r.reference_label, r.basis, r.basis_label, r.precision, r.precision_label
  FROM base b
  JOIN indicators i ON i.id = b.indicator
  JOIN resolved r ON r.indicator = b.indicator AND r.source IS NOT DISTINCT FROM b.source AND r.year = b.year
  LEFT JOIN flag_labels fl ON fl.flag = b.flag
),
paired AS (
  SELECT b.*,
         p1.year AS y1, p1.plain AS plain1, p1.value AS value1, p1.flag AS flag1, p1.flag_label AS flag_label1, p1.reference AS ref1, p1.reference_label AS ref_label1,
         p1.basis AS basis1, p1.basis_label AS basis_label1, p1.precision AS precision1, p1.precision_label AS precision_label1,
         p5.year AS y5, p5.plain AS plain5, p5.value AS value5, p5.flag AS flag5, p5.flag_label AS flag_label5, p5.reference AS ref5, p5.reference_label AS ref_label5,
         p5.basis AS basis5, p5.basis_label AS basis_label5, p5.precision AS precision5, p5.precision_label AS precision_label5,
         p10.year AS y10, p10.plain AS plain10, p10.value AS value10, p10.flag AS flag10, p10.flag_label AS flag_label10, p10.reference AS ref10, p10.reference_label AS ref_label10,
         p10.basis AS basis10, p10.basis_label AS basis_label10, p10.precision AS precision10, p10.precision_label AS precision_label10
  FROM described b
  LEFT JOIN described p1 ON p1.indicator = b.indicator AND p1.region = b.region AND p1.day = b.day AND p1.year = b.year - 1
  LEFT JOIN described p5 ON p5.indicator = b.indicator AND p5.region = b.region AND p5.day = b.day AND p5.year = b.year - 5
  LEFT JOIN described p10 ON p10.indicator = b.indicator AND p10.region = b.region AND p10.day = b.day AND p10.year = b.year - 10
),
reasoned AS (
  SELECT *,
         change_reason(plain, flag_label, flag, year, y1, plain1, flag_label1, flag1, reference, reference_label, ref1, ref_label1,
                       basis, basis_label, basis1, basis_label1, precision, precision_label, precision1, precision_label1, decimals) AS change_1y_reason,
         change_reason(plain, flag_label, flag, year, y5, plain5, flag_label5, flag5, reference, reference_label, ref5, ref_label5,
                       basis, basis_label, basis5, basis_label5, precision, precision_label, precision5, precision_label5, decimals) AS change_5y_reason,
         change_reason(plain, flag_label, flag, year, y10, plain10, flag_label10, flag10, reference, reference_label, ref10, ref_label10,
                       basis, basis_label, basis10, basis_label10, precision, precision_label, precision10, precision_label10, decimals) AS change_10y_reason
  FROM paired
)
SELECT indicator, region, period, year, value, flag, source, origin, computed,
       CASE WHEN y1 IS NOT NULL AND change_1y_reason IS NULL THEN value - value1 END AS change_1y,
       CASE WHEN y5 IS NOT NULL AND change_5y_reason IS NULL THEN value - value5 END AS change_5y,
       CASE WHEN y10 IS NOT NULL AND change_10y_reason IS NULL THEN value - value10 END AS change_10y,
       change_1y_reason, change_5y_reason, change_10y_reason
FROM reasoned;
