-- Land and Bund values for every indicator and period that has Kreis values.
-- status 'published': the source publishes the Land/Bund figure (an observation of '01'…'16'
--   or 'DG' exists); it always wins over any computation.
-- status 'computed': the registry says how (aggregation.method 'sum' or 'weighted') and every
--   Kreis of the Land (of Germany for 'DG') has a value; a partial sum or mean would be wrong.
-- A computed value inherits the qualification of the Kreis values it is made of: if any of
--   them is flagged '()' (limited reliability), 's' (estimated) or 'p' (provisional), the
--   Land/Bund value carries that flag (the strongest of them, in this order), and note says
--   how many Kreis values were flagged. A sum of estimates is an estimate.
-- status 'absent': no value, with the reason in note (the registry's aggregation.note, or why
--   the computation was not possible).

CREATE TABLE aggregates AS
WITH targets AS (
  SELECT id AS target, level FROM regions WHERE level IN ('land', 'bund')
),
-- Kreise only: districts and Planungsräume are parts of the Kreis Berlin and would count twice.
members AS (
  SELECT r.id AS region, t.target
  FROM regions r JOIN targets t ON t.level = 'bund' OR r.land = t.target
  WHERE r.level = 'kreis'
),
expected AS (
  SELECT target, count(*) AS n FROM members GROUP BY target
),
-- The weight of a Kreis is the weight indicator's value of the same year (the latest
-- reference date within that year when it has several), e.g. the number of children under 3
-- for a childcare rate: sum(rate × children) / sum(children) is the Land's true rate.
weights AS (
  SELECT indicator, region, year, arg_max(value, period) AS weight
  FROM observations WHERE value IS NOT NULL
  GROUP BY indicator, region, year
),
kreis_values AS (
  SELECT m.target, o.indicator, o.period, o.year, o.value, o.flag, o.source, w.weight
  FROM observations o
  JOIN members m ON m.region = o.region
  JOIN indicators i ON i.id = o.indicator
  LEFT JOIN weights w ON w.indicator = i.aggregation_weight AND w.region = o.region AND w.year = o.year
),
computed AS (
  SELECT target, indicator, period, any_value(year) AS year,
         count(value) AS with_value,
         count(value) FILTER (WHERE weight IS NOT NULL) AS with_weight,
         sum(value) AS total,
         sum(value * weight) FILTER (WHERE weight IS NOT NULL) AS weighted_total,
         sum(weight) FILTER (WHERE value IS NOT NULL) AS weight_total,
         CASE WHEN count(DISTINCT source) = 1 THEN any_value(source) END AS source,
         CASE WHEN bool_or(flag = '()') THEN '()' WHEN bool_or(flag = 's') THEN 's' WHEN bool_or(flag = 'p') THEN 'p' END AS member_flag,
         count(value) FILTER (WHERE flag IN ('()', 's', 'p')) AS flagged_members
  FROM kreis_values
  GROUP BY target, indicator, period
),
published AS (
  SELECT o.region AS target, o.indicator, o.period, o.year, o.value, o.flag, o.source
  FROM observations o JOIN targets t ON t.target = o.region
),
keys AS (
  SELECT target, indicator, period, year FROM computed
  UNION
  SELECT target, indicator, period, year FROM published
)
SELECT k.indicator, k.target AS region, k.period, k.year,
       CASE
         WHEN p.target IS NOT NULL THEN p.value
         WHEN i.aggregation = 'sum' AND c.with_value = e.n THEN c.total
         WHEN i.aggregation = 'weighted' AND w.id IS NOT NULL AND c.with_weight = e.n AND c.weight_total > 0
           THEN c.weighted_total / c.weight_total
       END AS value,
       CASE
         WHEN p.target IS NOT NULL THEN p.flag
         WHEN i.aggregation = 'sum' AND c.with_value = e.n THEN c.member_flag
         WHEN i.aggregation = 'weighted' AND w.id IS NOT NULL AND c.with_weight = e.n AND c.weight_total > 0 THEN c.member_flag
       END AS flag,
       CASE
         WHEN p.target IS NOT NULL THEN 'published'
         WHEN i.aggregation = 'sum' AND c.with_value = e.n THEN 'computed'
         WHEN i.aggregation = 'weighted' AND w.id IS NOT NULL AND c.with_weight = e.n AND c.weight_total > 0 THEN 'computed'
         ELSE 'absent'
       END AS status,
       CASE WHEN p.target IS NOT NULL THEN 'published' ELSE i.aggregation END AS method,
       coalesce(p.source, c.source, i.source_id) AS source,
       coalesce(c.with_value, 0)::INTEGER AS kreise_with_value,
       coalesce(e.n, 0)::INTEGER AS kreise_expected,
       CASE
         WHEN p.target IS NOT NULL THEN NULL
         WHEN c.member_flag IS NOT NULL AND ((i.aggregation = 'sum' AND c.with_value = e.n)
              OR (i.aggregation = 'weighted' AND w.id IS NOT NULL AND c.with_weight = e.n AND c.weight_total > 0))
           THEN 'Berechnet aus ' || c.with_value || ' Kreiswerten, davon ' || c.flagged_members || ' mit Kennzeichen „'
                || c.member_flag || '“ (' || fl.label || '); der Wert trägt dieses Kennzeichen.'
         WHEN i.aggregation = 'sum' AND c.with_value = e.n THEN NULL
         WHEN i.aggregation = 'weighted' AND w.id IS NULL
           THEN i.aggregation_note || ' (Gewichtungsindikator ' || coalesce(i.aggregation_weight, '–') || ' fehlt im Register.)'
         WHEN i.aggregation = 'weighted' AND c.with_weight = e.n AND c.weight_total > 0 THEN NULL
         WHEN i.aggregation IN ('sum', 'weighted')
           THEN i.aggregation_note || ' (Nicht berechnet: ' || coalesce(CASE WHEN i.aggregation = 'weighted' THEN c.with_weight ELSE c.with_value END, 0)
                || ' von ' || e.n || ' Kreisen mit Wert' || CASE WHEN i.aggregation = 'weighted' THEN ' und Gewicht' ELSE '' END || '.)'
         ELSE i.aggregation_note
       END AS note
FROM keys k
JOIN indicators i ON i.id = k.indicator
LEFT JOIN expected e ON e.target = k.target
LEFT JOIN computed c ON c.target = k.target AND c.indicator = k.indicator AND c.period = k.period
LEFT JOIN published p ON p.target = k.target AND p.indicator = k.indicator AND p.period = k.period
LEFT JOIN indicators w ON w.id = i.aggregation_weight
LEFT JOIN flag_labels fl ON fl.flag = c.member_flag;
