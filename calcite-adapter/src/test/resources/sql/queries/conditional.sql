# CASE, COALESCE, NULLIF, GREATEST and LEAST, with NULLs.

statement ok
CREATE TABLE t (id INT PRIMARY KEY, a INT, b INT)

statement ok
INSERT INTO t VALUES (1, 1, 2), (2, NULL, 5), (3, 7, NULL), (4, NULL, NULL)

query
SELECT id, CASE WHEN a > 1 THEN 'big' WHEN a = 1 THEN 'one' ELSE 'none' END FROM t ORDER BY id
----
1|one
2|none
3|big
4|none

query
SELECT id, CASE a WHEN 1 THEN 'one' WHEN 7 THEN 'seven' END FROM t ORDER BY id
----
1|one
2|NULL
3|seven
4|NULL

query
SELECT id, coalesce(a, b, -1) FROM t ORDER BY id
----
1|1
2|5
3|7
4|-1

query
SELECT id, nullif(a, 1), nullif(a, 2) FROM t ORDER BY id
----
1|NULL|1
2|NULL|NULL
3|7|7
4|NULL|NULL

query
SELECT id, greatest(a, b), least(a, b) FROM t ORDER BY id
----
1|2|1
2|5|5
3|7|7
4|NULL|NULL

query
SELECT greatest(1, 5, 3), least('b', 'a', 'c')
----
5|a

query
SELECT id, a + b, a = b, a IS DISTINCT FROM b, a IS NOT DISTINCT FROM b FROM t ORDER BY id
----
1|3|f|t|f
2|NULL|NULL|t|f
3|NULL|NULL|t|f
4|NULL|NULL|f|t

query
SELECT NULL AND false, NULL OR true, NULL AND true, NOT (CAST(NULL AS BOOLEAN))
----
f|t|NULL|NULL
