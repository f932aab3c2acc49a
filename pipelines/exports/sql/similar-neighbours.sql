-- The neighbours of $region, nearest first, with each context indicator's share of the squared distance.
SELECT n.position, n.neighbour, r.name, n.distance,
       list({indicator: c.indicator, share: c.share}) AS shares
FROM similar_neighbours n
JOIN regions r ON r.id = n.neighbour
JOIN similar_contributions c ON c.region = n.region AND c.neighbour = n.neighbour
WHERE n.region = $region
GROUP BY n.position, n.neighbour, r.name, n.distance
ORDER BY n.position;
