-- Every series of one level ($level: kreis or bezirk), for comparison sets a user picks on a
-- profile page (loaded only then). Flagged cells keep their flag; no value is filled in.
SELECT o.indicator, o.region, o.year, o.value, o.flag
FROM observations o JOIN regions r ON r.id = o.region
WHERE r.level = $level
ORDER BY o.indicator, o.region, o.year;
