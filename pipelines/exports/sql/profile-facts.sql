-- A region's profile (every region when $region is NULL): one row per indicator × period,
-- with the value of its Land and of the Bund for the same indicator and period.
-- land/bund come from aggregates: published by the source, or computed (land_status says
-- which); 'absent' rows carry no value. A Land's own row has land = its own value.
SELECT f.region, f.indicator, f.year, f.period, f.value, f.flag, i.unit, f.source,
       f.computed,
       la.value AS land, la.status AS land_status,
       ba.value AS bund, ba.status AS bund_status,
       f.change_1y, f.change_5y, f.change_10y,
       f.change_1y_reason, f.change_5y_reason, f.change_10y_reason
FROM facts f
JOIN regions r ON r.id = f.region
JOIN indicators i ON i.id = f.indicator
LEFT JOIN aggregates la ON la.region = r.land AND la.indicator = f.indicator AND la.period = f.period
LEFT JOIN aggregates ba ON ba.region = 'DG' AND ba.indicator = f.indicator AND ba.period = f.period
WHERE $region::VARCHAR IS NULL OR f.region = $region::VARCHAR
ORDER BY f.region, f.indicator, f.period;
