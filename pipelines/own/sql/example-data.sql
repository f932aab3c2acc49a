-- The worked example of /eigene-daten/: Berlin's MSS 2021 indicators (Stichtag 31.12.2020) per
-- LOR-Planungsraum, as a city would deliver its own data. Only the MSS source: the Planungsraum
-- level also holds inhabitants and Kitas from other sources, which the example leaves out.
SELECT r.id AS gebiet_id, r.name AS gebiet_name, f.indicator AS kennzahl, f.year AS jahr, f.value, f.flag
FROM facts f
JOIN regions r ON r.id = f.region
WHERE r.level = 'planungsraum' AND f.source = 'mss2021'
ORDER BY f.indicator, r.id;
