# interval: PostgreSQL's free-form interval text in casts of string literals ('1 day'::interval), used in
# timestamp arithmetic; interval columns (day-time: interval; year-month: interval year to month), their text,
# arithmetic, order, aggregates and primary keys. Intervals mixing months with days or times are not supported
# (docs/sql.md).

statement ok
CREATE TABLE ev (id INT PRIMARY KEY, ts TIMESTAMP)

statement count 3
INSERT INTO ev VALUES (1, TIMESTAMP '2024-01-31 10:00:00'), (2, TIMESTAMP '2024-02-29 23:30:00'), (3, NULL)

query
SELECT id, ts + '1 day'::interval, ts - '90 minutes'::interval FROM ev ORDER BY id
----
1|2024-02-01 10:00:00|2024-01-31 08:30:00
2|2024-03-01 23:30:00|2024-02-29 22:00:00
3|NULL|NULL

query
SELECT id, ts + '1 month'::interval, ts - '1 year 2 months'::interval FROM ev ORDER BY id
----
1|2024-02-29 10:00:00|2022-11-30 10:00:00
2|2024-03-29 23:30:00|2022-12-29 23:30:00
3|NULL|NULL

query
SELECT id, ts + '1 week'::interval, ts + '1.5 days'::interval, ts + '-1 day 02:00'::interval FROM ev ORDER BY id
----
1|2024-02-07 10:00:00|2024-02-01 22:00:00|2024-01-30 12:00:00
2|2024-03-07 23:30:00|2024-03-02 11:30:00|2024-02-29 01:30:00
3|NULL|NULL|NULL

query
SELECT id, ts + '@ 3 hours ago'::interval, ts + '2 hours 30 minutes 15 seconds'::interval FROM ev ORDER BY id
----
1|2024-01-31 07:00:00|2024-01-31 12:30:15
2|2024-02-29 20:30:00|2024-03-01 02:00:15
3|NULL|NULL

query
SELECT id, ts + '00:00:01.5'::interval, ts + '36:00'::interval FROM ev ORDER BY id
----
1|2024-01-31 10:00:01.5|2024-02-01 22:00:00
2|2024-02-29 23:30:01.5|2024-03-02 11:30:00
3|NULL|NULL

query
SELECT id FROM ev WHERE ts > TIMESTAMP '2024-03-01 00:00:00' - '1 day'::interval ORDER BY id
----
2

query
SELECT id FROM ev WHERE ts + '2 years'::interval < TIMESTAMP '2026-02-01 00:00:00' ORDER BY id
----
1

statement error 22007 invalid input syntax for type interval
SELECT TIMESTAMP '2024-01-01 00:00:00' + 'soon'::interval

statement error 22007 invalid input syntax for type interval
SELECT TIMESTAMP '2024-01-01 00:00:00' + '1 fortnight'::interval

statement ok
CREATE TABLE iv (id INT PRIMARY KEY, d interval, ym INTERVAL YEAR TO MONTH)

statement count 4
INSERT INTO iv VALUES (1, '1 day 02:00:00'::interval, '1 year 2 months'::interval), (2, '00:30:00'::interval, '3 months'::interval), (3, '-1 day'::interval, '-2 years'::interval), (4, NULL, NULL)

query
SELECT id, d, ym FROM iv ORDER BY id
----
1|1 day 02:00:00|1 year 2 mons
2|00:30:00|3 mons
3|-1 days|-2 years
4|NULL|NULL

query
SELECT id FROM iv WHERE d > '1 hour'::interval OR ym < '1 month'::interval ORDER BY id
----
1
3

query
SELECT id, d * 2, ym * 2 FROM iv ORDER BY id
----
1|2 days 04:00:00|2 years 4 mons
2|01:00:00|6 mons
3|-2 days|-4 years
4|NULL|NULL

query
SELECT id, TIMESTAMP '2024-01-31 10:00:00' + d, TIMESTAMP '2024-01-31 10:00:00' + ym FROM iv ORDER BY id
----
1|2024-02-01 12:00:00|2025-03-31 10:00:00
2|2024-01-31 10:30:00|2024-04-30 10:00:00
3|2024-01-30 10:00:00|2022-01-31 10:00:00
4|NULL|NULL

query
SELECT id FROM iv ORDER BY d, id
----
3
2
1
4

query
SELECT max(d), min(d), min(ym), max(ym) FROM iv
----
1 day 02:00:00|-1 days|-2 years|1 year 2 mons

statement count 1
UPDATE iv SET d = d + '1 hour'::interval WHERE id = 2

query
SELECT id, d FROM iv WHERE id = 2
----
2|01:30:00

statement ok
CREATE TABLE ik (k interval PRIMARY KEY, v INT)

statement count 3
INSERT INTO ik VALUES ('2 hours'::interval, 1), ('-30 minutes'::interval, 2), ('3 days'::interval, 3)

query
SELECT k, v FROM ik ORDER BY k
----
-00:30:00|2
02:00:00|1
3 days|3

query
SELECT v FROM ik WHERE k = '2 hours'::interval
----
1

query
SELECT attname, format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = 'iv'::regclass AND attnum > 0 ORDER BY attnum
----
id|integer
d|interval
ym|interval year to month
