-- The peer groups of $level with their size, in display order.
SELECT g.id, g.name, count(m.region)::INTEGER AS members
FROM peer_groups g
LEFT JOIN peer_group_members m ON m.group_id = g.id
WHERE g.level = $level
GROUP BY g.id, g.name, g.sort
ORDER BY g.sort, g.id;
