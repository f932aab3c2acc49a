-- One indicator's values for every region of $level and for the Länder and the Bund, from
-- `facts` (published values plus the Land/Bund values the warehouse computed). A flag without
-- a number keeps its row with an empty value: the page never reads it as 0.
SELECT f.region, r.level, f.year, f.value, f.flag, f.source, f.computed
FROM facts f
JOIN regions r ON r.id = f.region
WHERE f.indicator = $indicator AND r.level IN ($level, 'land', 'bund')
ORDER BY f.year, f.region;
