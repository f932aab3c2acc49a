-- One JSON document per region for profiles.zip (ProfileFile in profile.ts), built in DuckDB.
-- Series are columnar per indicator (one array per field, aligned on the sorted periods) so
-- that 30 indicators × 30 years × 5 peer groups stay small; profileRows() turns one into rows.
-- Derived numbers are rounded to 6 decimals (float noise), percentiles to 1.
-- Lists are collected unordered and then sorted with list_sort on the period (the first
-- struct field): much faster than ordered aggregates. The outer objects are joined as text;
-- indicator and group ids are [a-z0-9_] (snapshot format), safe as JSON keys.
-- $parts: the first two characters of the region ids to build (['05'], ['01', '02', …]); run
-- once per batch of about 120 regions (profile.ts, partBatches) so that DuckDB's working memory
-- stays bounded at any number of regions, while its fixed cost per query is paid only a few times.
-- $region: one region id of that part, or NULL for all (kbm bericht needs one file, fast).
-- Only Kreise and Berlin's districts have profile pages: Länder, Bund and Planungsräume
-- are left out (kbm export still answers for them).
WITH fr AS (
  SELECT f.region, f.indicator,
         {period: f.period, year: f.year,
          value: CASE WHEN f.computed THEN round(f.value, 6) ELSE f.value END, flag: f.flag, source: f.source,
          land: CASE WHEN la.status = 'computed' THEN round(la.value, 6) ELSE la.value END, land_status: la.status,
          bund: CASE WHEN ba.status = 'computed' THEN round(ba.value, 6) ELSE ba.value END, bund_status: ba.status,
          change_1y: round(f.change_1y, 6), change_5y: round(f.change_5y, 6), change_10y: round(f.change_10y, 6),
          -- why a change is not computed although an earlier value exists (facts.sql); the page
          -- shows the 1- and 5-year changes, so only their reasons travel.
          change_1y_reason: f.change_1y_reason, change_5y_reason: f.change_5y_reason} AS row
  FROM facts f
  JOIN regions r ON r.id = f.region
  LEFT JOIN aggregates la ON la.region = r.land AND la.indicator = f.indicator AND la.period = f.period
  LEFT JOIN aggregates ba ON ba.region = 'DG' AND ba.indicator = f.indicator AND ba.period = f.period
  WHERE list_contains($parts, substr(f.region, 1, 2)) AND ($region IS NULL OR f.region = $region) AND r.level IN ('kreis', 'bezirk')
),
series AS (
  SELECT region, indicator, list_sort(list(row)) AS l FROM fr GROUP BY region, indicator
),
-- comparisons has exactly one row per member and observation, so sorted by period these
-- arrays align with the series' periods.
peer_lists AS (
  SELECT c.region, c.indicator, c.group_id, any_value(g.sort) AS sort,
         list_sort(list({period: c.period, rank: c.rank, of: c.n_ranked, percentile: round(c.percentile, 1),
                         median: round(c.median, 6), q1: round(c.q1, 6), q3: round(c.q3, 6)})) AS l
  FROM comparisons c JOIN peer_groups g ON g.id = c.group_id JOIN regions r ON r.id = c.region
  WHERE list_contains($parts, substr(c.region, 1, 2)) AND ($region IS NULL OR c.region = $region) AND r.level IN ('kreis', 'bezirk')
  GROUP BY c.region, c.indicator, c.group_id
),
peers AS (
  SELECT region, indicator,
         '{' || string_agg('"' || group_id || '":' ||
           to_json({rank: [x.rank FOR x IN l], of: [x.of FOR x IN l], percentile: [x.percentile FOR x IN l],
                    median: [x.median FOR x IN l], q1: [x.q1 FOR x IN l], q3: [x.q3 FOR x IN l]})::VARCHAR,
           ',' ORDER BY sort, group_id) || '}' AS peers
  FROM peer_lists GROUP BY region, indicator
),
series_core AS (
  SELECT region, indicator,
         to_json({period: [x.period FOR x IN l], year: [x.year FOR x IN l], value: [x.value FOR x IN l],
                  flag: [x.flag FOR x IN l], source: [x.source FOR x IN l], land: [x.land FOR x IN l], land_status: [x.land_status FOR x IN l],
                  bund: [x.bund FOR x IN l], bund_status: [x.bund_status FOR x IN l],
                  change_1y: [x.change_1y FOR x IN l], change_5y: [x.change_5y FOR x IN l],
                  change_10y: [x.change_10y FOR x IN l],
                  change_1y_reason: [x.change_1y_reason FOR x IN l], change_5y_reason: [x.change_5y_reason FOR x IN l]})::VARCHAR AS core
  FROM series
),
-- The series object without its closing brace, then "peers" and the brace.
series_json AS (
  SELECT s.region, s.indicator, substr(s.core, 1, length(s.core) - 1) || ',"peers":' || coalesce(p.peers, '{}') || '}' AS json
  FROM series_core s LEFT JOIN peers p USING (region, indicator)
),
region_series AS (
  SELECT region, '{' || string_agg('"' || indicator || '":' || json, ',' ORDER BY indicator) || '}' AS series,
         list(indicator) AS indicators
  FROM series_json GROUP BY region
),
groups AS (
  SELECT region, list(group_id ORDER BY sort, group_id) AS ids,
         list({id: group_id, name: name, members: members} ORDER BY sort, group_id) AS groups
  FROM region_peer_groups WHERE list_contains($parts, substr(region, 1, 2)) AND ($region IS NULL OR region = $region) GROUP BY region
),
-- The peer group 'aehnliche' differs per region: its members, the region first, then its
-- neighbours from the nearest on (the page's strip and "Warum diese?" use them).
similar_members AS (
  SELECT region, [region] || list(neighbour ORDER BY position) AS ids
  FROM similar_neighbours WHERE list_contains($parts, substr(region, 1, 2)) AND ($region IS NULL OR region = $region) GROUP BY region
),
-- The population basis per source and years (the registry's comparability entries, first match
-- applies): charts draw a change of basis (Zensus 2011 → 2022) as a break of its own.
indicator_bases AS (
  SELECT indicator, list({source_id: source_id, "from": year_from, "to": year_to, basis: basis} ORDER BY position) AS bases
  FROM indicator_series GROUP BY indicator
),
indicator_summary AS (
  SELECT id, {id: id, name: name, short_name: short_name, unit: unit, decimals: decimals, area: area,
              topic: meta->>'$.topic', polarity: polarity, source: source_id, attribution: meta->>'$.attribution',
              caveats: meta->'$.caveats', aggregation_note: aggregation_note, bases: b.bases} AS summary
  FROM indicators LEFT JOIN indicator_bases b ON b.indicator = indicators.id
),
-- Cities inside a Kreis with rows of their own (level gemeinde): their values ride along with the
-- Kreis profile as the city's own figures; they are in no peer group, so never ranked.
city_values AS (
  SELECT c.parent AS kreis, c.id, c.name,
         list({indicator: o.indicator, period: o.period, value: o.value, flag: o.flag, source: o.source} ORDER BY o.indicator, o.period) AS "values"
  FROM regions c JOIN observations o ON o.region = c.id
  WHERE c.level = 'gemeinde' AND list_contains($parts, substr(c.id, 1, 2))
  GROUP BY c.parent, c.id, c.name
),
cities AS (
  SELECT kreis, list({id: id, name: name, "values": "values"} ORDER BY id) AS cities FROM city_values GROUP BY kreis
),
head AS (
  SELECT r.id,
         to_json({
           region: {id: r.id, name: r.name, level: r.level, type: r.type, parent: r.parent, land: r.land, land_name: l.name,
                    kreisfrei: r.kreisfrei, bbsr_kreistyp: r.bbsr_kreistyp, population: r.population, area_km2: r.area_km2,
                    groups: coalesce(g.ids, [])},
           groups: coalesce(g.groups, []),
           "similar": coalesce(s.ids, []),
           indicators: coalesce((SELECT list(i.summary ORDER BY i.id) FROM indicator_summary i WHERE list_contains(rs.indicators, i.id)), []),
           cities: coalesce(ci.cities, [])
         })::VARCHAR AS head,
         rs.series
  FROM regions r
  LEFT JOIN regions l ON l.id = r.land
  LEFT JOIN groups g ON g.region = r.id
  LEFT JOIN similar_members s ON s.region = r.id
  LEFT JOIN region_series rs ON rs.region = r.id
  LEFT JOIN cities ci ON ci.kreis = r.id
  WHERE list_contains($parts, substr(r.id, 1, 2)) AND ($region IS NULL OR r.id = $region) AND r.level IN ('kreis', 'bezirk')
)
-- The head object without its closing brace, then "series" and the brace.
SELECT id, substr(head, 1, length(head) - 1) || ',"series":' || coalesce(series, '{}') || '}' AS json
FROM head
ORDER BY id;
