# Statements and clauses PostgreSQL runs but OmenDB does not support yet: each fails with 0A000 and a message naming
# the feature, never a syntax error or an internal error. Deliberate differences, listed in docs/sql.md.

statement ok
CREATE TABLE t (id INT PRIMARY KEY, v INT)


statement error 0A000
CREATE FUNCTION f() RETURNS int AS 'select 1' LANGUAGE sql

statement error 0A000
CREATE TEMP TABLE tmp (x INT)

statement error 0A000
VACUUM t

statement error 42601
SELEC 1

query
SELECT count(*) FROM t
----
0
