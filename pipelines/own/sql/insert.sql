-- One prepared statement per table; values are always bound, never written into the SQL.

-- name: own_files
INSERT INTO own_files VALUES ($region, $role, $original, $sha256, $encoding, $crs);

-- name: own_indicators
INSERT INTO own_indicators VALUES ($region, $kennzahl, $name, $unit, $definition, $source, $stichtag, $polarity, $decimals, $origin);

-- name: own_observations
INSERT INTO own_observations VALUES ($region, $area_id, $area_name, $kennzahl, $year, $value, $flag, $numerator, $denominator, $note, $origin);

-- name: own_areas
INSERT INTO own_areas VALUES ($region, $area_id, $name, $geometry);
