# Time travel: FOR SYSTEM_TIME AS OF (per table) and CockroachDB's AS OF SYSTEM TIME (per statement). PostgreSQL
# has neither; the expected rows follow from the script alone (its table is younger than ten minutes). Reads of
# versions between statements, with times captured by the test, are in TimeTravelTest and TimeTravelIT.

statement ok
CREATE TABLE tt (id INT PRIMARY KEY, v TEXT)

statement ok
INSERT INTO tt VALUES (1, 'a'), (2, 'b')

query
SELECT count(*) FROM tt FOR SYSTEM_TIME AS OF now() - INTERVAL '10' MINUTE
----
0

query
SELECT count(*) FROM tt AS OF SYSTEM TIME '-10m'
----
0

query
SELECT count(*) FROM tt AS OF SYSTEM TIME now() - INTERVAL '10' MINUTE
----
0

query
SELECT t.id, t.v FROM tt AS t JOIN tt FOR SYSTEM_TIME AS OF now() - INTERVAL '10' MINUTE AS past ON past.id = t.id
----

query
SELECT t.id, past.id FROM tt AS t LEFT JOIN tt FOR SYSTEM_TIME AS OF now() - INTERVAL '10' MINUTE AS past ON past.id = t.id ORDER BY t.id
----
1|NULL
2|NULL

statement error 72000 snapshot too old
SELECT id FROM tt FOR SYSTEM_TIME AS OF TIMESTAMP '2000-01-01 00:00:00'

statement error 72000 snapshot too old
SELECT id FROM tt AS OF SYSTEM TIME '2000-01-01 00:00:00'

statement error 72000
SELECT id FROM tt AS OF SYSTEM TIME '-2h'

statement error 22023 in the future
SELECT id FROM tt FOR SYSTEM_TIME AS OF now() + INTERVAL '1' HOUR

statement error 22023 in the future
SELECT id FROM tt AS OF SYSTEM TIME '2999-01-01'

statement error 25006 read-only
DELETE FROM tt AS OF SYSTEM TIME '-1s'

statement error 22007
SELECT id FROM tt AS OF SYSTEM TIME 'not a time'

query
SELECT count(*) FROM tt
----
2
