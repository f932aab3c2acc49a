-- Peer groups with their size and members, in display order.
SELECT g.id, g.name, g.description, g.level, count(m.region)::INTEGER AS members,
       list(m.region ORDER BY m.region) FILTER (WHERE m.region IS NOT NULL) AS member_ids
FROM peer_groups g LEFT JOIN peer_group_members m ON m.group_id = g.id
GROUP BY g.id, g.name, g.description, g.level, g.sort
ORDER BY g.sort, g.id;
