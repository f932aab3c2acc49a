-- The registry entries of the MSS indicators in the example, with the source's attribution.
SELECT i.id, i.name, i.unit, i.polarity, i.meta ->> 'definition' AS definition, s.meta ->> 'attribution' AS attribution,
  s.meta ->> 'reference' AS reference
FROM indicators i JOIN sources s ON s.id = i.source_id
WHERE i.id IN (SELECT DISTINCT indicator FROM facts WHERE source = 'mss2021')
ORDER BY i.id;
