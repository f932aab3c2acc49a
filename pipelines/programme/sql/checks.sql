-- Checks on the programme tables; each query returns the offending rows (none = passed).

-- name: programme_attendance_event_known
SELECT a.event FROM programme_attendance a LEFT JOIN programme_events e ON e.id = a.event WHERE e.id IS NULL;

-- name: programme_attendance_municipality_known
SELECT a.event, a.municipality FROM programme_attendance a
LEFT JOIN programme_municipalities m ON m.id = a.municipality
WHERE a.municipality IS NOT NULL AND m.id IS NULL;

-- name: programme_event_host_known
SELECT e.id, e.host FROM programme_events e LEFT JOIN programme_municipalities m ON m.id = e.host WHERE m.id IS NULL;

-- A municipality's profile is a Kreis the statistics know (Berlin districts join when the
-- warehouse has them; a city within a Kreis links to its Kreis).
-- name: programme_profile_is_a_kreis
SELECT m.id, m.profile_id FROM programme_municipalities m
LEFT JOIN regions r ON r.id = m.profile_id
WHERE m.profile_id IS NOT NULL AND length(m.profile_id) = 5 AND r.id IS NULL;

-- No personal data in any text column: an e-mail address or a phone number, by the very patterns
-- of loaders/programme/personal-data.ts (EMAIL_PATTERN, PHONE_PATTERN; a test keeps them equal),
-- which kbm check and the loader apply first with file, line and field.
-- name: programme_no_personal_data
SELECT 'programme_events' AS tab, id AS row_id FROM programme_events
WHERE regexp_matches(title, '[^\s@;,]+@[^\s@;,]+\.[^\s@;,]+') OR regexp_matches(title, '(^|[^\d])(\+|0)\d[\d /-]{6,}\d')
UNION ALL
SELECT 'programme_municipalities', id FROM programme_municipalities
WHERE regexp_matches(name || ' ' || coalesce(reason, ''), '[^\s@;,]+@[^\s@;,]+\.[^\s@;,]+') OR regexp_matches(name || ' ' || coalesce(reason, ''), '(^|[^\d])(\+|0)\d[\d /-]{6,}\d')
UNION ALL
SELECT 'programme_attendance', event FROM programme_attendance
WHERE regexp_matches(coalesce(department, ''), '[^\s@;,]+@[^\s@;,]+\.[^\s@;,]+') OR regexp_matches(coalesce(department, ''), '(^|[^\d])(\+|0)\d[\d /-]{6,}\d');
