# timestamptz: instants, read and printed in the session's TimeZone. Filled by pgfill.py run with
# PGTZ=Europe/Paris (pgfill runs each case in its own psql session), the zone the first case sets here.

statement ok
SET TIME ZONE 'Europe/Paris'

query
SHOW timezone
----
Europe/Paris

statement ok
CREATE TABLE events (id INT PRIMARY KEY, ts TIMESTAMPTZ, local_ts TIMESTAMP, day DATE)

statement count 3
INSERT INTO events VALUES (1, '2024-05-17 10:11:12+02', '2024-05-17 10:11:12', '2024-05-17'), (2, '2024-05-17 10:11:12', '2024-01-15 23:30:00', '2024-01-15'), (3, '2024-01-15 23:30:00.5 UTC', '2024-05-17 08:11:12', '2024-05-18')

statement count 1
INSERT INTO events (id) VALUES (4)

query
SELECT id, ts FROM events ORDER BY id
----
1|2024-05-17 10:11:12+02
2|2024-05-17 10:11:12+02
3|2024-01-16 00:30:00.5+01
4|NULL

query
SELECT id, ts FROM events ORDER BY ts DESC NULLS LAST, id
----
1|2024-05-17 10:11:12+02
2|2024-05-17 10:11:12+02
3|2024-01-16 00:30:00.5+01
4|NULL

query
SELECT '2024-05-17 10:11:12+05:30'::timestamptz, '2024-05-17 10:11:12.123-03'::timestamptz, '2024-12-24 18:00:00Z'::timestamptz
----
2024-05-17 06:41:12+02|2024-05-17 15:11:12.123+02|2024-12-24 19:00:00+01

query
SELECT CAST('2024-05-17 10:11:12' AS TIMESTAMP WITH TIME ZONE), CAST('2024-05-17' AS timestamptz)
----
2024-05-17 10:11:12+02|2024-05-17 00:00:00+02

query
SELECT '2024-03-31 02:30:00'::timestamptz, '2024-10-27 02:30:00+00'::timestamptz
----
2024-03-31 03:30:00+02|2024-10-27 03:30:00+01

query
SELECT id FROM events WHERE ts = '2024-05-17 08:11:12+00' ORDER BY id
----
1
2

query
SELECT id FROM events WHERE ts > TIMESTAMP '2024-05-17 09:00:00' ORDER BY id
----
1
2

query
SELECT id FROM events WHERE ts < local_ts ORDER BY id
----
3

query
SELECT id FROM events WHERE ts >= DATE '2024-05-17' ORDER BY id
----
1
2

query
SELECT id, ts::timestamp, ts::date, CAST(ts AS TEXT) FROM events WHERE id < 4 ORDER BY id
----
1|2024-05-17 10:11:12|2024-05-17|2024-05-17 10:11:12+02
2|2024-05-17 10:11:12|2024-05-17|2024-05-17 10:11:12+02
3|2024-01-16 00:30:00.5|2024-01-16|2024-01-16 00:30:00.5+01

query
SELECT id, local_ts::timestamptz, day::timestamptz FROM events WHERE id < 4 ORDER BY id
----
1|2024-05-17 10:11:12+02|2024-05-17 00:00:00+02
2|2024-01-15 23:30:00+01|2024-01-15 00:00:00+01
3|2024-05-17 08:11:12+02|2024-05-18 00:00:00+02

query
SELECT id, date_trunc('day', ts), date_trunc('hour', ts), date_trunc('month', ts) FROM events WHERE id < 4 ORDER BY id
----
1|2024-05-17 00:00:00+02|2024-05-17 10:00:00+02|2024-05-01 00:00:00+02
2|2024-05-17 00:00:00+02|2024-05-17 10:00:00+02|2024-05-01 00:00:00+02
3|2024-01-16 00:00:00+01|2024-01-16 00:00:00+01|2024-01-01 00:00:00+01

query
SELECT id, extract(hour FROM ts), extract(day FROM ts) FROM events WHERE id < 4 ORDER BY id
----
1|10|17
2|10|17
3|0|16

query
SELECT id, ts + INTERVAL '1' DAY, ts - INTERVAL '90' MINUTE FROM events WHERE id < 4 ORDER BY id
----
1|2024-05-18 10:11:12+02|2024-05-17 08:41:12+02
2|2024-05-18 10:11:12+02|2024-05-17 08:41:12+02
3|2024-01-17 00:30:00.5+01|2024-01-15 23:00:00.5+01

query
SELECT min(ts), max(ts), count(ts) FROM events
----
2024-01-16 00:30:00.5+01|2024-05-17 10:11:12+02|3

statement count 1
UPDATE events SET ts = '2024-06-01 12:00:00-03' WHERE id = 4

query
SELECT ts FROM events WHERE id = 4
----
2024-06-01 17:00:00+02

statement ok
CREATE TABLE slots (starts TIMESTAMPTZ PRIMARY KEY, label TEXT)

statement count 3
INSERT INTO slots VALUES ('2024-05-17 10:00:00+02', 'a'), ('2024-05-17 09:30:00+00', 'b'), ('2024-05-17 09:45:00+01', 'c')

query
SELECT starts, label FROM slots ORDER BY starts
----
2024-05-17 10:00:00+02|a
2024-05-17 10:45:00+02|c
2024-05-17 11:30:00+02|b

query
SELECT label FROM slots WHERE starts >= '2024-05-17 09:00:00+00' ORDER BY starts
----
b

statement error 23505
INSERT INTO slots VALUES ('2024-05-17 08:00:00+00', 'dup')

query
SELECT now() = current_timestamp, now() = transaction_timestamp(), now() = statement_timestamp(), current_date = CAST(now() AS DATE)
----
t|t|t|t

query
SELECT now() - INTERVAL '1' MINUTE < now(), localtimestamp = CAST(now() AS TIMESTAMP)
----
t|t

query
SELECT format_type(atttypid, atttypmod), atttypid FROM pg_attribute WHERE attrelid = 'events'::regclass AND attname = 'ts'
----
timestamp with time zone|1184

statement error 22007
SELECT 'not a time'::timestamptz

statement error 22008
SELECT '2024-13-01 10:00:00'::timestamptz

statement error 22008
SELECT '2024-05-17 25:00:00'::timestamptz

statement error 22023
SET TIME ZONE 'Nowhere/Land'
