-- Tables of the peer group 'aehnliche' (Ähnliche Kommunen), filled by similar-peers.ts with the
-- shared computation src/shared/similarity.ts. Every region has its own group: itself plus its
-- k nearest regions of the same level (10 for Kreise, 5 for Berlin's districts). The relation
-- is not symmetric: B can be a neighbour of A without A being one of B.

-- The context indicators per level, in display order, with the period used and the mean and
-- standard deviation of the z-scores (numeric only).
CREATE TABLE similar_indicators (
  level VARCHAR NOT NULL,
  id VARCHAR NOT NULL,
  sort INTEGER NOT NULL,
  name VARCHAR NOT NULL,
  kind VARCHAR NOT NULL,           -- numeric or categorical (one-hot, a mismatch weighs like one indicator)
  weight DOUBLE NOT NULL,          -- default weight; the browser lets users change it
  source_indicator VARCHAR,        -- the observation indicator it is read from; NULL for east/west
  period VARCHAR,                  -- the newest period every region of the level has
  log BOOLEAN NOT NULL,            -- z-scores of the natural logarithm (sizes)
  mean DOUBLE,
  sd DOUBLE,                       -- population standard deviation (divisor n)
  why VARCHAR NOT NULL,
  PRIMARY KEY (level, id)
);

-- One row per region × context indicator: the value as shown (before the logarithm), the
-- category, and the z-score the distance uses (NULL = missing, see the missing-value rule).
CREATE TABLE similar_context (
  level VARCHAR NOT NULL,
  region VARCHAR NOT NULL,
  indicator VARCHAR NOT NULL,
  value DOUBLE,
  category VARCHAR,
  z DOUBLE,
  PRIMARY KEY (region, indicator)
);

CREATE TABLE similar_neighbours (
  region VARCHAR NOT NULL,
  position INTEGER NOT NULL,       -- 1 = nearest; ties broken by the neighbour's key
  neighbour VARCHAR NOT NULL,
  distance DOUBLE NOT NULL,        -- weighted Euclidean distance of the z-scores
  PRIMARY KEY (region, position)
);

-- Each context indicator's share of the squared distance, wᵢ(zᵢ − zⱼ)²/d²; the shares of a pair
-- add up to 1. NULL when one of the two lacks the indicator.
CREATE TABLE similar_contributions (
  region VARCHAR NOT NULL,
  neighbour VARCHAR NOT NULL,
  indicator VARCHAR NOT NULL,
  share DOUBLE,
  PRIMARY KEY (region, neighbour, indicator)
);
