# Common table expressions, including WITH RECURSIVE.

statement ok
CREATE TABLE tree (id INT PRIMARY KEY, parent INT, name TEXT)

statement ok
INSERT INTO tree VALUES (1, NULL, 'root'), (2, 1, 'a'), (3, 1, 'b'), (4, 2, 'a1'), (5, 4, 'a1x')

query
WITH big AS (SELECT id, name FROM tree WHERE id > 2) SELECT name FROM big ORDER BY id
----
b
a1
a1x

query
WITH x AS (SELECT id FROM tree), y AS (SELECT id * 10 AS id FROM x) SELECT sum(id) FROM y
----
150

query
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5) SELECT i FROM n ORDER BY i
----
1
2
3
4
5

query
WITH RECURSIVE sub AS (SELECT id, name, 0 AS depth FROM tree WHERE id = 2 UNION ALL SELECT t.id, t.name, s.depth + 1 FROM tree t JOIN sub s ON t.parent = s.id) SELECT name, depth FROM sub ORDER BY depth
----
a|0
a1|1
a1x|2

query
WITH RECURSIVE fib(a, b) AS (SELECT 0, 1 UNION ALL SELECT b, a + b FROM fib WHERE b < 50) SELECT a FROM fib ORDER BY a
----
0
1
1
2
3
5
8
13
21
34
