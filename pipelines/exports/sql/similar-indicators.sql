-- The context indicators of the similar peers of $level, in display order.
SELECT id, name, kind, weight, period, log, source_indicator, why
FROM similar_indicators WHERE level = $level ORDER BY sort;
