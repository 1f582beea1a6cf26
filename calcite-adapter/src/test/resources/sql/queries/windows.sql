# Window functions: ranking, offsets, first/last value, aggregates with PARTITION BY, ORDER BY and frames.

statement ok
CREATE TABLE s (id INT PRIMARY KEY, grp TEXT, score INT)

statement ok
INSERT INTO s VALUES (1, 'a', 10), (2, 'a', 20), (3, 'a', 20), (4, 'b', 5), (5, 'b', 15), (6, 'b', NULL)

query
SELECT id, row_number() OVER (ORDER BY id) FROM s ORDER BY id
----
1|1
2|2
3|3
4|4
5|5
6|6

query
SELECT id, rank() OVER w, dense_rank() OVER w FROM s WINDOW w AS (PARTITION BY grp ORDER BY score DESC) ORDER BY id
----
1|3|2
2|1|1
3|1|1
4|3|3
5|2|2
6|1|1

query
SELECT id, ntile(2) OVER (ORDER BY id) FROM s ORDER BY id
----
1|1
2|1
3|1
4|2
5|2
6|2

query
SELECT id, lag(score) OVER (ORDER BY id), lead(score) OVER (ORDER BY id), lead(id, 2, -1) OVER (ORDER BY id) FROM s ORDER BY id
----
1|NULL|20|3
2|10|20|4
3|20|5|5
4|20|15|6
5|5|NULL|-1
6|15|NULL|-1

query
SELECT id, first_value(score) OVER (PARTITION BY grp ORDER BY id), last_value(score) OVER (PARTITION BY grp ORDER BY id ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) FROM s ORDER BY id
----
1|10|20
2|10|20
3|10|20
4|5|NULL
5|5|NULL
6|5|NULL

query
SELECT id, sum(score) OVER (PARTITION BY grp ORDER BY id) FROM s ORDER BY id
----
1|10
2|30
3|50
4|5
5|20
6|20

query
SELECT id, sum(score) OVER (PARTITION BY grp) FROM s ORDER BY id
----
1|50
2|50
3|50
4|20
5|20
6|20

query
SELECT id, sum(score) OVER (ORDER BY id ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING) FROM s ORDER BY id
----
1|30
2|50
3|45
4|40
5|20
6|15

query
SELECT id, count(*) OVER (ORDER BY score RANGE BETWEEN 5 PRECEDING AND CURRENT ROW) FROM s WHERE score IS NOT NULL ORDER BY id
----
1|2
2|3
3|3
4|1
5|2

query
SELECT id, avg(score) OVER (PARTITION BY grp) FROM s WHERE grp = 'b' ORDER BY id
----
4|10.0000000000000000
5|10.0000000000000000
6|10.0000000000000000

query
SELECT grp, score, rank() OVER (PARTITION BY grp ORDER BY score NULLS FIRST) FROM s ORDER BY grp, score NULLS FIRST
----
a|10|1
a|20|2
a|20|2
b|NULL|1
b|5|2
b|15|3
