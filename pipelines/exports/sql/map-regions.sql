-- The regions of one map level ($level: kreis, bezirk, planungsraum) in key order, with the
-- name of the region above them (Land for a Kreis, Bezirk for a Planungsraum) for tables.
SELECT r.id, r.name, r.type, p.name AS parent_name
FROM regions r
LEFT JOIN regions p ON p.id = CASE WHEN r.level = 'kreis' THEN r.land ELSE r.parent END
WHERE r.level = $level::VARCHAR
ORDER BY r.id;
