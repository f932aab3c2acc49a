-- One prepared statement per table; values are always bound, never written into the SQL.

-- name: programme_sheets
INSERT INTO programme_sheets VALUES ($sheet, $exported::DATE);

-- name: programme_municipalities
INSERT INTO programme_municipalities VALUES ($id, $name, $type, $region_key, $profile_id, $eligible, $reason, $agency,
  $contact::DATE, $analysis::DATE, $agreement::DATE, $training::DATE, $topic_group::DATE);

-- name: programme_topic_groups
INSERT INTO programme_topic_groups VALUES ($id, $name);

-- name: programme_modules
INSERT INTO programme_modules VALUES ($id, $number, $name);

-- name: programme_events
INSERT INTO programme_events VALUES ($id, $type, $date::DATE, $host, $title, $module, $topic_group, $cancelled, $agency);

-- name: programme_attendance
INSERT INTO programme_attendance VALUES ($event, $person, $organisation, $municipality, $department);
