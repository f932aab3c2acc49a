-- Checks on the own-data tables; each query returns the offending rows (none = passed).

-- name: own_region_known
-- Own data belongs to a Kreis or Berlin district of the warehouse.
SELECT DISTINCT o.region FROM own_indicators o LEFT JOIN regions r ON r.id = o.region WHERE r.id IS NULL OR r.level NOT IN ('kreis', 'bezirk');

-- name: own_observation_has_indicator
SELECT o.region, o.kennzahl FROM own_observations o
LEFT JOIN own_indicators i USING (region, kennzahl) WHERE i.kennzahl IS NULL;

-- name: own_no_number_without_reason
-- A NULL value is a flag or a missing cell; a flag never comes with a number.
SELECT region, area_id, kennzahl, year FROM own_observations WHERE value IS NOT NULL AND flag IS NOT NULL;
