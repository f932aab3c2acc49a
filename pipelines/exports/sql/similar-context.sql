-- Every region of $level with its context values (as shown) and z-scores, for the browser.
-- z is exported unrounded: the browser recomputes the neighbours from exactly these numbers.
SELECT c.region, r.name,
       list({indicator: c.indicator, value: c.value, category: c.category, z: c.z}) AS cells
FROM similar_context c JOIN regions r ON r.id = c.region
WHERE c.level = $level
GROUP BY c.region, r.name
ORDER BY c.region;
