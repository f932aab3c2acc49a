-- Special values and quality marks per indicator and flag (after the overlay of data/updates).
SELECT indicator, flag, count(*)::INTEGER AS n, count(value)::INTEGER AS with_value
FROM observations WHERE flag IS NOT NULL
GROUP BY ALL ORDER BY indicator, flag;
