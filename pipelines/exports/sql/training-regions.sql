-- The regions a participant can pick on a training page ($level: kreis or bezirk): name, type,
-- Land key and their peer groups in the warehouse's display order (the first is the default
-- comparison, as on the profile pages).
SELECT r.id, r.name, r.type, r.land, r.kreisfrei, r.population,
       list(g.group_id ORDER BY g.sort, g.group_id) FILTER (WHERE g.group_id IS NOT NULL) AS groups,
       -- The group 'aehnliche' differs per region: its members, the region first.
       (SELECT [r.id] || list(n.neighbour ORDER BY n.position) FROM similar_neighbours n WHERE n.region = r.id) AS similar
FROM regions r
LEFT JOIN region_peer_groups g ON g.region = r.id
WHERE r.level = $level
GROUP BY r.id, r.name, r.type, r.land, r.kreisfrei, r.population
ORDER BY r.id;
