# ORDER BY with NULLS FIRST/LAST, LIMIT, OFFSET, FETCH FIRST, DISTINCT.

statement ok
CREATE TABLE t (id INT PRIMARY KEY, v INT, s TEXT)

statement ok
INSERT INTO t VALUES (1, 3, 'c'), (2, NULL, 'a'), (3, 1, NULL), (4, 3, 'b'), (5, 2, 'a')

query
SELECT id FROM t ORDER BY v, id
----
3
5
1
4
2

query
SELECT id FROM t ORDER BY v DESC, id
----
2
1
4
5
3

query
SELECT id FROM t ORDER BY v NULLS FIRST, id
----
2
3
5
1
4

query
SELECT id FROM t ORDER BY v DESC NULLS LAST, id
----
1
4
5
3
2

query
SELECT id, s FROM t ORDER BY s DESC, id
----
3|NULL
1|c
4|b
2|a
5|a

query
SELECT id FROM t ORDER BY id LIMIT 2
----
1
2

query
SELECT id FROM t ORDER BY id LIMIT 2 OFFSET 3
----
4
5

query
SELECT id FROM t ORDER BY id OFFSET 4
----
5

query
SELECT id FROM t ORDER BY id FETCH FIRST 3 ROWS ONLY
----
1
2
3

query
SELECT id FROM t ORDER BY id OFFSET 1 ROWS FETCH NEXT 1 ROW ONLY
----
2

query
SELECT DISTINCT v FROM t ORDER BY v NULLS FIRST
----
NULL
1
2
3

query
SELECT DISTINCT s, v FROM t WHERE v = 3 ORDER BY s
----
b|3
c|3

query
SELECT id, v * 2 AS double_v FROM t ORDER BY double_v, id LIMIT 3
----
3|2
5|4
1|6

query
SELECT id FROM t ORDER BY 1 DESC LIMIT ALL
----
5
4
3
2
1
