# interval: PostgreSQL's free-form interval text in casts of string literals ('1 day'::interval), used in
# timestamp arithmetic. Interval columns, and intervals mixing months with days or times, are not supported yet
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
