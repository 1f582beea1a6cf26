# Data exceptions: overflow, invalid text, division by zero, string truncation; and the NULL that is not an error.

statement ok
CREATE TABLE t (id INT PRIMARY KEY, small SMALLINT, name VARCHAR(3))

statement ok
INSERT INTO t VALUES (0, 32000, NULL)

statement error 22012
SELECT 1 / 0

statement error 22012
SELECT 1.5 / 0

statement error 22012
SELECT 5 % 0

query
SELECT 1 / CAST(NULL AS INT)
----
NULL

statement error 22003
SELECT small * small FROM t

statement error 22003
SELECT 2147483647 + 1

statement error 22003
SELECT CAST(9223372036854775807 AS BIGINT) * 2

statement error 22003
SELECT CAST(100000 AS SMALLINT)

statement error 22003
INSERT INTO t VALUES (1, 40000, 'a')

statement error 22P02
SELECT CAST('abc' AS INT)

statement error 22P02
SELECT 'a' + 1

statement error 22P02
SELECT CAST('12x' AS NUMERIC)

statement error 22007
SELECT CAST('not a date' AS DATE)

statement ok
INSERT INTO t VALUES (3, 1, 'abc')

query
SELECT id, small, name FROM t ORDER BY id
----
0|32000|NULL
3|1|abc

query
SELECT CAST('abcdef' AS VARCHAR(3))
----
abc
