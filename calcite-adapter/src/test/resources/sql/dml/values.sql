# Multi-row INSERT ... VALUES whose string literals meet NULLs or other expressions in a column of another type:
# PostgreSQL reads an untyped literal as the column's type. Filled by pgfill.py run with PGTZ=UTC.

statement ok
SET TIME ZONE 'UTC'

statement ok
CREATE TABLE mixed (k INT PRIMARY KEY, d DATE, t TIMESTAMP, z TIMESTAMPTZ, u UUID, n NUMERIC(6, 2), b BOOLEAN, i INT)

statement count 3
INSERT INTO mixed (k, d, t) VALUES (1, '2024-01-31', '2024-03-01 10:15:00'), (2, NULL, NULL), (3, DATE '2000-02-29', '1999-12-31 23:59:59')

statement count 2
INSERT INTO mixed (k, z, u) VALUES (4, '2024-05-17 10:11:12+02', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'), (5, NULL, NULL)

statement count 3
INSERT INTO mixed VALUES (6, NULL, NULL, NULL, NULL, '12.5', 't', '42'), (7, '2010-10-10', NULL, NULL, NULL, NULL, NULL, NULL), (8, NULL, NULL, NULL, NULL, 3, false, 7)

query
SELECT k, d, t, z, u, n, b, i FROM mixed ORDER BY k
----
1|2024-01-31|2024-03-01 10:15:00|NULL|NULL|NULL|NULL|NULL
2|NULL|NULL|NULL|NULL|NULL|NULL|NULL
3|2000-02-29|1999-12-31 23:59:59|NULL|NULL|NULL|NULL|NULL
4|NULL|NULL|2024-05-17 08:11:12+00|a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11|NULL|NULL|NULL
5|NULL|NULL|NULL|NULL|NULL|NULL|NULL
6|NULL|NULL|NULL|NULL|12.50|t|42
7|2010-10-10|NULL|NULL|NULL|NULL|NULL|NULL
8|NULL|NULL|NULL|NULL|3.00|f|7

statement error 22007
INSERT INTO mixed (k, d) VALUES (9, 'not a date'), (10, NULL)

statement error 22P02
INSERT INTO mixed (k, i) VALUES (11, 'x'), (12, NULL)

query
SELECT count(*) FROM mixed
----
8
