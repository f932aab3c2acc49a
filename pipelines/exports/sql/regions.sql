-- Every region (or one when $region is set) with the name of its Land and its peer groups.
SELECT r.id, r.name, r.level, r.type, r.parent, r.land, l.name AS land_name, r.kreisfrei,
       r.bbsr_kreistyp, r.population, r.area_km2,
       coalesce((SELECT list(g.group_id ORDER BY g.sort, g.group_id) FROM region_peer_groups g WHERE g.region = r.id), []) AS groups
FROM regions r
LEFT JOIN regions l ON l.id = r.land
WHERE $region::VARCHAR IS NULL OR r.id = $region::VARCHAR
ORDER BY r.id;
