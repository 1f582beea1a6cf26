# Subqueries: EXISTS, IN and NOT IN (with the NULL trap), scalar and correlated, in every clause.

statement ok
CREATE TABLE a (id INT PRIMARY KEY, v INT)

statement ok
CREATE TABLE b (id INT PRIMARY KEY, v INT)

statement ok
INSERT INTO a VALUES (1, 10), (2, 20), (3, NULL), (4, 40)

statement ok
INSERT INTO b VALUES (1, 10), (2, 30)

query
SELECT id FROM a WHERE v IN (SELECT v FROM b) ORDER BY id
----
1

query
SELECT id FROM a WHERE v NOT IN (SELECT v FROM b) ORDER BY id
----
2
4

statement ok
INSERT INTO b VALUES (3, NULL)

query
SELECT id FROM a WHERE v NOT IN (SELECT v FROM b) ORDER BY id
----

query
SELECT id FROM a WHERE v NOT IN (SELECT v FROM b WHERE v IS NOT NULL) ORDER BY id
----
2
4

query
SELECT id, v IN (SELECT v FROM b) FROM a ORDER BY id
----
1|t
2|NULL
3|NULL
4|NULL

query
SELECT id FROM a WHERE EXISTS (SELECT 1 FROM b WHERE b.v = a.v) ORDER BY id
----
1

query
SELECT id FROM a WHERE NOT EXISTS (SELECT 1 FROM b WHERE b.v = a.v) ORDER BY id
----
2
3
4

query
SELECT id, (SELECT max(v) FROM b) AS m FROM a ORDER BY id
----
1|30
2|30
3|30
4|30

query
SELECT id, (SELECT b.id FROM b WHERE b.v = a.v) AS hit FROM a ORDER BY id
----
1|1
2|NULL
3|NULL
4|NULL

query
SELECT id FROM a WHERE v > (SELECT avg(v) FROM a) ORDER BY id
----
4

query
SELECT s.total FROM (SELECT sum(v) AS total FROM a) AS s
----
70

query
SELECT id FROM a WHERE v = ANY (SELECT v FROM b) ORDER BY id
----
1

query
SELECT id FROM a WHERE v > ALL (SELECT v FROM b WHERE v IS NOT NULL) ORDER BY id
----
4

query
SELECT v IS NULL, count(*) FROM a GROUP BY v IS NULL HAVING count(*) > (SELECT count(*) FROM b WHERE v IS NULL) ORDER BY 1
----
f|3

statement error 21000
SELECT (SELECT v FROM b) FROM a
