-- The real examples of the pitfalls page (/fortbildung/fallstricke). Each section returns rows;
-- the sentences are written from them on the page (src/components/training-pitfalls.ts).

-- name: leavers
-- Small numbers: every Kreis with its number of school leavers 2022, estimated as leavers per
-- 1,000 inhabitants (EW 2024) × inhabitants 2022 (EW 2024, in thousands with one decimal), its
-- share without Hauptschulabschluss 2022 and the change from 2021 (only between two plain numbers).
SELECT r.id, r.name, r.land, l.name AS land_name,
       (je.value * ew.value / 1000) AS leavers,
       o.value AS share, o.change_1y AS change_1y
FROM regions r
JOIN regions l ON l.id = r.land AND l.level = 'land'
JOIN facts je ON je.region = r.id AND je.indicator = 'schulabgaenger_je_1000_ew' AND je.year = 2022
JOIN facts ew ON ew.region = r.id AND ew.indicator = 'bevoelkerung' AND ew.year = 2022
LEFT JOIN facts o ON o.region = r.id AND o.indicator = 'schulabgaenger_ohne_hsa' AND o.year = 2022
WHERE r.level = 'kreis' AND je.value IS NOT NULL AND ew.value IS NOT NULL
ORDER BY r.id;

-- name: school_location
-- School location: Landkreise whose leavers' Abitur share is 0 in a year, next to the
-- kreisfreie Stadt of the same name in the same Land (the city where their pupils go to school).
SELECT lk.id AS landkreis, lk.name AS landkreis_name, f.year, f.value AS landkreis_value,
       st.id AS city, st.name AS city_name, fs.value AS city_value
FROM facts f
JOIN regions lk ON lk.id = f.region AND lk.level = 'kreis' AND NOT lk.kreisfrei
LEFT JOIN regions st ON st.level = 'kreis' AND st.kreisfrei AND st.land = lk.land
  AND split_part(st.name, ',', 1) = split_part(lk.name, ',', 1)
LEFT JOIN facts fs ON fs.region = st.id AND fs.indicator = f.indicator AND fs.year = f.year
WHERE f.indicator = 'schulabgaenger_allg_hochschulreife' AND f.value = 0
  AND f.year = (SELECT max(year) FROM facts WHERE indicator = 'schulabgaenger_allg_hochschulreife')
ORDER BY lk.id;

-- name: childcare_over_100
-- Children counted where they are cared for: the Kreise with a childcare rate 3–6 above 100 %
-- in the latest year.
SELECT r.id, r.name, f.year, f.value
FROM facts f JOIN regions r ON r.id = f.region AND r.level = 'kreis'
WHERE f.indicator = 'betreuungsquote_3_6' AND f.value > 100
  AND f.year = (SELECT max(year) FROM facts WHERE indicator = 'betreuungsquote_3_6')
ORDER BY f.value DESC, r.id;

-- name: youth_changes
-- Reference dates: the Kreise's one-year change of the youth unemployment rate, per year
-- (median and count of Kreise with a change). 2023 is an October value, earlier years are
-- annual averages. The warehouse leaves that change out (change_1y NULL with its reason, facts.sql);
-- the pitfall shows the naive difference on purpose, so it is taken here from the values.
SELECT f.year, median(f.value - p.value) AS median_change, count(*)::INTEGER AS n,
       any_value(f.source) AS source
FROM facts f JOIN regions r ON r.id = f.region AND r.level = 'kreis'
JOIN facts p ON p.indicator = f.indicator AND p.region = f.region AND p.period = CAST(f.year - 1 AS VARCHAR)
WHERE f.indicator = 'jugendarbeitslosenquote' AND f.value IS NOT NULL AND p.value IS NOT NULL
GROUP BY f.year
ORDER BY f.year;

-- name: berlin_dates
-- Reference dates in Berlin: each Bezirk's inhabitants as the sum of its Planungsräume on
-- 30.06.2022 (A I 16) and as the Bezirk value on 31.12.2022 and 31.12.2023 (A I 5).
SELECT b.id, b.name,
       sum(p.value) AS plr_2022_06_30,
       any_value(b22.value) AS bezirk_2022_12_31,
       any_value(b23.value) AS bezirk_2023_12_31
FROM regions b
JOIN regions pr ON pr.parent = b.id AND pr.level = 'planungsraum'
LEFT JOIN facts p ON p.region = pr.id AND p.indicator = 'einwohner_melderegister' AND p.period = '2022-06-30'
LEFT JOIN facts b22 ON b22.region = b.id AND b22.indicator = 'einwohner_melderegister' AND b22.period = '2022'
LEFT JOIN facts b23 ON b23.region = b.id AND b23.indicator = 'einwohner_melderegister' AND b23.period = '2023'
WHERE b.level = 'bezirk'
GROUP BY b.id, b.name
ORDER BY b.id;

-- name: definitions
-- Definitions: 2022 leavers with allgemeine Hochschulreife (INKAR) and with allgemeiner oder
-- Fachhochschulreife (EW 2024) in the same Kreis.
SELECT r.id, r.name, l.name AS land_name, a.value AS abitur, b.value AS abitur_fhr, b.flag AS abitur_fhr_flag
FROM regions r
JOIN regions l ON l.id = r.land AND l.level = 'land'
JOIN facts a ON a.region = r.id AND a.indicator = 'schulabgaenger_allg_hochschulreife' AND a.year = 2022
JOIN facts b ON b.region = r.id AND b.indicator = 'schulabgaenger_hochschulreife_fhr' AND b.year = 2022
WHERE r.level = 'kreis'
ORDER BY r.id;

-- name: spans
-- Territorial reforms: per Kreis the span of its series of leavers without Hauptschulabschluss
-- and the years inside the whole series' span that have no number (INKAR recalculates series to
-- today's territory where it can; where it cannot, the year is missing, never 0).
WITH span AS (
  SELECT min(year) AS first, max(year) AS last
  FROM facts WHERE indicator = 'schulabgaenger_ohne_hsa' AND value IS NOT NULL
),
grid AS (
  SELECT r.id, r.name, y.year
  FROM regions r, span, range(span.first, span.last + 1) AS y(year)
  WHERE r.level = 'kreis'
)
SELECT g.id, g.name,
       (min(g.year) FILTER (WHERE f.value IS NOT NULL))::INTEGER AS first_year,
       (max(g.year) FILTER (WHERE f.value IS NOT NULL))::INTEGER AS last_year,
       count(f.value)::INTEGER AS years,
       coalesce(list(g.year::INTEGER ORDER BY g.year) FILTER (WHERE f.value IS NULL), []) AS missing
FROM grid g
LEFT JOIN facts f ON f.region = g.id AND f.indicator = 'schulabgaenger_ohne_hsa' AND f.year = g.year
GROUP BY g.id, g.name
ORDER BY g.id;

-- name: flags
-- Flags: every special value in the warehouse, per indicator, level and flag.
SELECT f.indicator, r.level, f.flag, count(*)::INTEGER AS n, count(f.value)::INTEGER AS with_value,
       list(r.name ORDER BY r.id)[1:3] AS examples
FROM facts f JOIN regions r ON r.id = f.region
WHERE f.flag IS NOT NULL
GROUP BY f.indicator, r.level, f.flag
ORDER BY f.indicator, r.level, f.flag;

-- name: mss_values
-- Flags: child poverty (MSS 2021) in every Planungsraum, with the flag of those without a number.
SELECT r.id, r.name, f.value, f.flag
FROM regions r
JOIN facts f ON f.region = r.id AND f.indicator = 'mss_kinderarmut'
WHERE r.level = 'planungsraum'
ORDER BY r.id;

-- name: childcare_years
-- Missing years: the number of Kreise with an under-3 childcare rate in each year from the
-- first to the last year of the series (0 = no Kreis value that year).
WITH span AS (
  SELECT min(year) AS first, max(year) AS last FROM facts WHERE indicator = 'betreuungsquote_u3'
)
SELECT y.year::INTEGER AS year, count(f.value)::INTEGER AS kreise
FROM span, range(span.first, span.last + 1) AS y(year)
LEFT JOIN facts f ON f.indicator = 'betreuungsquote_u3' AND f.year = y.year
  AND f.region IN (SELECT id FROM regions WHERE level = 'kreis')
GROUP BY y.year
ORDER BY y.year;

-- name: correlation
-- Correlation: child poverty (SGB II, under 15) and leavers without Hauptschulabschluss, 2022,
-- every Kreis with both numbers.
SELECT r.id, r.name, k.value AS poverty, o.value AS no_degree
FROM regions r
JOIN facts k ON k.region = r.id AND k.indicator = 'kinderarmut_sgb2_u15' AND k.year = 2022
JOIN facts o ON o.region = r.id AND o.indicator = 'schulabgaenger_ohne_hsa' AND o.year = 2022
WHERE r.level = 'kreis' AND k.value IS NOT NULL AND o.value IS NOT NULL
ORDER BY r.id;
