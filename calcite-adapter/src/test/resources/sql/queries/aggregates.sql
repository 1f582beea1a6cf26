# GROUP BY, HAVING, the aggregates PostgreSQL users write, and grouping sets.

statement ok
CREATE TABLE sales (id INT PRIMARY KEY, region TEXT, product TEXT, qty INT, price NUMERIC(8,2), ok BOOLEAN)

statement ok
INSERT INTO sales VALUES (1, 'north', 'apple', 10, 1.50, true), (2, 'north', 'pear', 5, 2.00, true), (3, 'south', 'apple', 7, 1.50, false), (4, 'south', 'apple', NULL, 1.75, true), (5, 'east', 'plum', 3, NULL, NULL), (6, 'north', 'apple', 10, 1.50, true)

query
SELECT count(*), count(qty), count(DISTINCT qty), sum(qty), min(qty), max(qty) FROM sales
----
6|5|4|35|3|10

query
SELECT avg(qty) FROM sales
----
7.0000000000000000

query
SELECT region, count(*), sum(qty) FROM sales GROUP BY region ORDER BY region
----
east|1|3
north|3|25
south|2|7

query
SELECT region, count(DISTINCT product) FROM sales GROUP BY region HAVING count(DISTINCT product) > 1 ORDER BY region
----
north|2

query
SELECT region, sum(qty * price) FROM sales GROUP BY region HAVING sum(qty) >= 10 ORDER BY 2 DESC
----
north|40.00

query
SELECT region, string_agg(product, ',' ORDER BY product, id) FROM sales GROUP BY region ORDER BY region
----
east|plum
north|apple,apple,pear
south|apple,apple

query
SELECT region, bool_and(ok), bool_or(ok) FROM sales GROUP BY region ORDER BY region
----
east|NULL|NULL
north|t|t
south|f|t

query
SELECT every(ok) FROM sales WHERE region = 'north'
----
t

query
SELECT count(*), sum(qty), max(product) FROM sales WHERE id > 100
----
0|NULL|NULL

query
SELECT region, product, sum(qty) FROM sales GROUP BY ROLLUP (region, product) ORDER BY region NULLS LAST, product NULLS LAST
----
east|plum|3
east|NULL|3
north|apple|20
north|pear|5
north|NULL|25
south|apple|7
south|NULL|7
NULL|NULL|35

query
SELECT region, product, count(*) FROM sales GROUP BY CUBE (region, product) ORDER BY region NULLS LAST, product NULLS LAST
----
east|plum|1
east|NULL|1
north|apple|2
north|pear|1
north|NULL|3
south|apple|2
south|NULL|2
NULL|apple|4
NULL|pear|1
NULL|plum|1
NULL|NULL|6

query
SELECT region, product, count(*) FROM sales GROUP BY GROUPING SETS ((region), (product), ()) ORDER BY region NULLS LAST, product NULLS LAST
----
east|NULL|1
north|NULL|3
south|NULL|2
NULL|apple|4
NULL|pear|1
NULL|plum|1
NULL|NULL|6

query
SELECT region, GROUPING(region), count(*) FROM sales GROUP BY ROLLUP (region) ORDER BY region NULLS LAST
----
east|0|1
north|0|3
south|0|2
NULL|1|6

query
SELECT product, count(*) FILTER (WHERE ok) FROM sales GROUP BY product ORDER BY product
----
apple|3
pear|1
plum|0

query
SELECT DISTINCT region FROM sales ORDER BY region
----
east
north
south

query
SELECT count(*) FROM (SELECT DISTINCT region, product FROM sales) AS d
----
4
