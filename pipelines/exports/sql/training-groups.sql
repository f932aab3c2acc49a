-- The peer groups of $level with their size, in display order.
-- 'aehnliche' has no fixed members: its size is that of one region's group (11 for Kreise).
SELECT g.id, g.name,
       CASE WHEN g.id = 'aehnliche'
            THEN (SELECT max(x.members) FROM region_peer_groups x JOIN regions r ON r.id = x.region WHERE x.group_id = 'aehnliche' AND r.level = $level)
            ELSE count(m.region) END::INTEGER AS members
FROM peer_groups g
LEFT JOIN peer_group_members m ON m.group_id = g.id
WHERE g.level = $level
GROUP BY g.id, g.name, g.sort
ORDER BY g.sort, g.id;
