-- Peer groups (Vergleichsgruppen). Membership is fixed for all years: it follows the
-- territorial state of 01.07.2021 and the population on 31.12.2021, not each year's figures,
-- so that a series never jumps because a city crossed a threshold.

CREATE TABLE peer_groups (
  id VARCHAR PRIMARY KEY,
  name VARCHAR NOT NULL,           -- German label for pages
  description VARCHAR NOT NULL,
  level VARCHAR NOT NULL,          -- level of the member regions
  sort INTEGER NOT NULL            -- display order; also the column order of CSV exports
);

CREATE TABLE peer_group_members (
  group_id VARCHAR NOT NULL,
  region VARCHAR NOT NULL,
  PRIMARY KEY (group_id, region)
);

INSERT INTO peer_groups VALUES
  ('grossstaedte', 'Großstädte', 'Kreisfreie Städte (auch Stadtkreise) mit mindestens 250.000 Einwohnern am 31.12.2021', 'kreis', 1),
  ('kreisfrei', 'Kreisfreie Städte', 'Alle kreisfreien Städte und Stadtkreise', 'kreis', 2),
  ('landkreise', 'Landkreise', 'Alle Kreise, die nicht kreisfrei sind (Landkreise, Kreise, Regionalverband Saarbrücken)', 'kreis', 3),
  ('kreistyp_1', 'Kreistyp 1: kreisfreie Großstädte', 'Siedlungsstruktureller Kreistyp 1 des BBSR (2020)', 'kreis', 4),
  ('kreistyp_2', 'Kreistyp 2: städtische Kreise', 'Siedlungsstruktureller Kreistyp 2 des BBSR (2020)', 'kreis', 5),
  ('kreistyp_3', 'Kreistyp 3: ländliche Kreise mit Verdichtungsansätzen', 'Siedlungsstruktureller Kreistyp 3 des BBSR (2020)', 'kreis', 6),
  ('kreistyp_4', 'Kreistyp 4: dünn besiedelte ländliche Kreise', 'Siedlungsstruktureller Kreistyp 4 des BBSR (2020)', 'kreis', 7),
  ('kreise', 'Alle Kreise', 'Alle 400 Kreise und kreisfreien Städte (Gebietsstand 01.07.2021)', 'kreis', 9),
  ('bezirke', 'Berliner Bezirke', 'Die zwölf Bezirke Berlins', 'bezirk', 10),
  -- Each region's own group: itself and its nearest regions on context indicators
  -- (similar-peers.sql); the members are in similar_neighbours, not in peer_group_members.
  -- Last in the display order: never the default comparison. Level 'kreis'; for a Berlin
  -- district the group holds its 5 most similar districts.
  ('aehnliche', 'Ähnliche Kommunen', 'Die Region und die 10 Kreise (Berliner Bezirke: 5 Bezirke) mit der ähnlichsten Ausgangslage nach Kontextmerkmalen wie Größe, Dichte, Kinderarmut und Arbeitslosigkeit', 'kreis', 11);

-- One group per Land ('land_01' … 'land_16'): the Kreise of the same Land. Sorted after the Kreistypen.
INSERT INTO peer_groups
SELECT 'land_' || id, 'Kreise in ' || name, 'Alle Kreise des Landes ' || name, 'kreis', 8
FROM regions WHERE level = 'land';

INSERT INTO peer_group_members
-- Großstädte: kreisfrei (Stadtkreise in Baden-Württemberg count as kreisfrei) and
-- population >= 250,000 on 31.12.2021 (regions.population is that date's figure).
SELECT 'grossstaedte', id FROM regions WHERE level = 'kreis' AND kreisfrei AND population >= 250000
UNION ALL
SELECT 'kreisfrei', id FROM regions WHERE level = 'kreis' AND kreisfrei
UNION ALL
-- Landkreise: every Kreis that is not kreisfrei, whatever it is called (Kreis, Landkreis, Regionalverband).
SELECT 'landkreise', id FROM regions WHERE level = 'kreis' AND NOT kreisfrei
UNION ALL
SELECT 'kreistyp_' || bbsr_kreistyp, id FROM regions WHERE level = 'kreis' AND bbsr_kreistyp IS NOT NULL
UNION ALL
SELECT 'land_' || land, id FROM regions WHERE level = 'kreis' AND land IS NOT NULL
UNION ALL
SELECT 'kreise', id FROM regions WHERE level = 'kreis'
UNION ALL
-- A Berlin district is compared with the other districts only: it is not a Kreis.
SELECT 'bezirke', id FROM regions WHERE level = 'bezirk' AND land = '11';

-- The groups a region belongs to, with the group's size, for pages and exports.
-- 'aehnliche' has one group per region: its size is the region plus its neighbours.
CREATE VIEW region_peer_groups AS
SELECT m.region, g.id AS group_id, g.name, g.description, g.sort,
       count(*) OVER (PARTITION BY g.id) AS members
FROM peer_group_members m JOIN peer_groups g ON g.id = m.group_id
UNION ALL
SELECT n.region, g.id, g.name, g.description, g.sort, 1 + count(*) AS members
FROM similar_neighbours n JOIN peer_groups g ON g.id = 'aehnliche'
GROUP BY n.region, g.id, g.name, g.description, g.sort;
