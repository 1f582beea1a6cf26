# time without time zone: literals, casts, ordering and keys.

statement ok
CREATE TABLE shifts (starts TIME PRIMARY KEY, label TEXT)

statement count 4
INSERT INTO shifts VALUES ('08:00', 'morning'), ('13:30:00', 'afternoon'), ('22:15:30', 'night'), ('00:00:00', 'midnight')

query
SELECT starts, label FROM shifts ORDER BY starts
----
00:00:00|midnight
08:00:00|morning
13:30:00|afternoon
22:15:30|night

query
SELECT label FROM shifts WHERE starts > '12:00' ORDER BY starts DESC
----
night
afternoon

query
SELECT label FROM shifts WHERE starts = TIME '13:30:00'
----
afternoon

query
SELECT label FROM shifts WHERE starts BETWEEN '07:00' AND '14:00' ORDER BY starts
----
morning
afternoon

statement error 23505
INSERT INTO shifts VALUES ('08:00:00', 'again')

query
SELECT min(starts), max(starts) FROM shifts
----
00:00:00|22:15:30

query
SELECT TIME '10:11:12', '23:59:59'::time, CAST('7:05' AS TIME)
----
10:11:12|23:59:59|07:05:00

query
SELECT extract(hour FROM TIME '10:11:12'), extract(minute FROM TIME '10:11:12')
----
10|11

query
SELECT CAST(TIMESTAMP '2024-05-17 10:11:12' AS TIME)
----
10:11:12

query
SELECT TIME '10:00:00' + INTERVAL '90' MINUTE, TIME '23:30:00' + INTERVAL '1' HOUR
----
11:30:00|00:30:00

query
SELECT '10:11:12.5'::time, TIME '10:11:12.25', CAST('10:11:12.125' AS TIME), '10:11:12.5'::time > '10:11:12.25'::time
----
10:11:12.5|10:11:12.25|10:11:12.125|t

statement ok
CREATE TABLE laps (t TIME PRIMARY KEY)

statement count 3
INSERT INTO laps VALUES ('10:11:12.5'), ('10:11:12.25'), ('09:00')

query
SELECT t FROM laps ORDER BY t
----
09:00:00
10:11:12.25
10:11:12.5

query
SELECT t FROM laps WHERE t > '10:11:12.3'
----
10:11:12.5

statement error 22008
SELECT '25:00'::time

statement error 22008
SELECT '10:60:00'::time

statement error 22007
SELECT 'noon'::time
