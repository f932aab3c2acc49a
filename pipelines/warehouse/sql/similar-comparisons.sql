-- Comparisons with the peer group 'aehnliche': a region's own row per indicator × period,
-- ranked among itself and its neighbours (rank "Platz k von 11", 6 for Berlin's districts).
-- Every region has its own group, so the other members' ranks in it are not computed (that
-- would be 412 groups of 11); the same rules as comparisons.sql: only numbers are ranked, rank 1
-- = highest value, ties share the smallest rank, percentile = share of the others strictly
-- lower, median and quartiles by quantile_cont. There are no peer_stats rows for this group:
-- its median differs per region and is stored on the region's row here.
INSERT INTO comparisons BY NAME
WITH owners AS (
  SELECT DISTINCT region FROM similar_neighbours
),
members AS (
  SELECT region AS owner, region AS member FROM owners
  UNION ALL
  SELECT region, neighbour FROM similar_neighbours
),
member_values AS (
  SELECT m.owner, o.indicator, o.period, o.value
  FROM members m JOIN observations o ON o.region = m.member
  WHERE o.value IS NOT NULL
),
stats AS (
  -- One quantile_cont call for the three quartiles: the same figures, a third of the work
  -- on 130,000 small groups.
  SELECT owner, indicator, period, count(*) AS n,
         quantile_cont(value, [0.25, 0.5, 0.75]) AS quartiles,
         list(value) AS member_values
  FROM member_values GROUP BY owner, indicator, period
)
SELECT o.indicator, o.region, o.period, o.year, 'aehnliche' AS group_id, o.value, o.flag,
       CASE WHEN o.value IS NOT NULL THEN 1 + len(list_filter(s.member_values, v -> v > o.value)) END::INTEGER AS rank,
       coalesce(s.n, 0)::INTEGER AS n_ranked,
       CASE WHEN o.value IS NOT NULL AND s.n > 1 THEN 100.0 * len(list_filter(s.member_values, v -> v < o.value)) / (s.n - 1) END AS percentile,
       s.quartiles[2] AS median, s.quartiles[1] AS q1, s.quartiles[3] AS q3
FROM observations o
JOIN owners w ON w.region = o.region
LEFT JOIN stats s ON s.owner = o.region AND s.indicator = o.indicator AND s.period = o.period;
