-- Comparisons of every region with each of its peer groups, per indicator and period.
-- Only numbers are compared: a member with no observation, or with a flag that carries no
-- number ('.', '...', '/', 'x'), is neither ranked nor counted, and never treated as 0.
-- '-' (exactly zero) is a number and is ranked as 0.

-- peer_stats: the distribution of a group's values. Quartiles and median use DuckDB's
-- quantile_cont, i.e. linear interpolation between the two nearest ranks (R type 7, the
-- spreadsheet QUARTILE.INKL rule): for 1, 2, 3, 4 the median is 2.5, q1 1.75, q3 3.25.
CREATE TABLE peer_stats AS
-- One quantile_cont call for the three figures: the same values, a third of the sorting.
SELECT group_id, indicator, period, year, n, quartiles[2] AS median, quartiles[1] AS q1, quartiles[3] AS q3, min, max
FROM (
  SELECT m.group_id, o.indicator, o.period, any_value(o.year) AS year,
         count(*) AS n,
         quantile_cont(o.value, [0.25, 0.5, 0.75]) AS quartiles,
         min(o.value) AS min,
         max(o.value) AS max
  FROM peer_group_members m
  JOIN observations o ON o.region = m.region
  WHERE o.value IS NOT NULL
  GROUP BY m.group_id, o.indicator, o.period
);

-- comparisons: one row per member region that has an observation (even a valueless one, so
-- a page can show the group's median next to "keine Angabe").
-- rank: 1 = the highest value, whatever the indicator's polarity; ties share the smallest
--   rank and the next rank is skipped (competition ranking "1, 2, 2, 4", SQL rank()).
-- n_ranked: the number of ranked members (those with a number) in this indicator and period.
-- percentile: the share of the other ranked members with a strictly lower value, in percent
--   (100 × (ascending rank − 1) / (n_ranked − 1), i.e. percent_rank()): the highest value has 100, the lowest 0, tied values
--   share one figure; NULL when the region is the only ranked member.
CREATE TABLE comparisons AS
WITH member_values AS (
  SELECT m.group_id, o.indicator, o.region, o.period, o.year, o.value, o.flag,
         -- NULLS LAST keeps members without a number behind every ranked one; their rank is dropped below.
         rank() OVER w AS rank_desc,
         -- Members with this value or a higher one (RANGE counts the ties): on the same sort as
         -- the rank, so n_ranked minus it is the number with a strictly lower value.
         count(o.value) OVER (w RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS at_or_above
  FROM peer_group_members m
  JOIN observations o ON o.region = m.region
  WINDOW w AS (PARTITION BY m.group_id, o.indicator, o.period ORDER BY o.value DESC NULLS LAST)
)
SELECT v.indicator, v.region, v.period, v.year, v.group_id, v.value, v.flag,
       CASE WHEN v.value IS NOT NULL THEN v.rank_desc END::INTEGER AS rank,
       coalesce(s.n, 0)::INTEGER AS n_ranked,
       CASE WHEN v.value IS NOT NULL AND s.n > 1 THEN 100.0 * (s.n - v.at_or_above) / (s.n - 1) END AS percentile,
       s.median, s.q1, s.q3
FROM member_values v
LEFT JOIN peer_stats s USING (group_id, indicator, period);

-- Everything about a region in one relation: its comparisons plus the changes over 1, 5 and 10
-- years. The changes live in facts (they do not depend on the group, and Länder and the Bund
-- have changes but no peer groups); this view puts them next to each comparison.
CREATE VIEW comparisons_with_changes AS
SELECT c.*, f.change_1y, f.change_5y, f.change_10y, f.change_1y_reason, f.change_5y_reason, f.change_10y_reason
FROM comparisons c
JOIN facts f USING (indicator, region, period);
