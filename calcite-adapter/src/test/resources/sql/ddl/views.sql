# Views: CREATE [OR REPLACE] VIEW, DROP VIEW, views in queries, and what views change for DROP TABLE.
# The view definitions themselves (pg_get_viewdef, pg_views.definition) differ on purpose; see docs/sql.md.

statement ok
CREATE TABLE emp (id INT PRIMARY KEY, name TEXT NOT NULL, dept TEXT, salary NUMERIC(10,2))

statement ok
INSERT INTO emp VALUES (1, 'ann', 'eng', 100.00), (2, 'bob', 'eng', 80.50), (3, 'cid', 'ops', 70.00), (4, 'dee', NULL, 60.00)

statement ok
CREATE TABLE dept (name TEXT PRIMARY KEY, lvl INT)

statement ok
INSERT INTO dept VALUES ('eng', 3), ('ops', 1)

statement ok
CREATE VIEW eng AS SELECT id, name, salary FROM emp WHERE dept = 'eng'

query
SELECT * FROM eng ORDER BY id
----
1|ann|100.00
2|bob|80.50

query
SELECT name FROM eng WHERE id = 2
----
bob

query
SELECT e.name, d.lvl FROM eng e JOIN emp x ON x.id = e.id JOIN dept d ON d.name = x.dept ORDER BY e.name
----
ann|3
bob|3

query
SELECT name FROM emp WHERE id NOT IN (SELECT id FROM eng) ORDER BY name
----
cid
dee

query
SELECT count(*), sum(salary) FROM eng
----
2|180.50

statement ok
CREATE VIEW dept_pay (dept, headcount, total) AS SELECT dept, count(*), sum(salary) FROM emp GROUP BY dept

query
SELECT * FROM dept_pay ORDER BY dept NULLS LAST
----
eng|2|180.50
ops|1|70.00
NULL|1|60.00

query
SELECT d.lvl, p.total FROM dept_pay p JOIN dept d ON d.name = p.dept WHERE p.headcount > 1
----
3|180.50

statement ok
CREATE VIEW rich AS SELECT name FROM eng WHERE salary > 90

query
SELECT * FROM rich
----
ann

query
SELECT table_name, table_type FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name
----
dept|BASE TABLE
dept_pay|VIEW
emp|BASE TABLE
eng|VIEW
rich|VIEW

query
SELECT table_name, check_option FROM information_schema.views WHERE table_schema = 'public' ORDER BY table_name
----
dept_pay|NONE
eng|NONE
rich|NONE

query
SELECT column_name, data_type, is_nullable FROM information_schema.columns WHERE table_name = 'dept_pay' ORDER BY ordinal_position
----
dept|text|YES
headcount|bigint|YES
total|numeric|YES

query
SELECT viewname, viewowner = current_user FROM pg_views WHERE schemaname = 'public' ORDER BY viewname
----
dept_pay|t
eng|t
rich|t

query
SELECT relname, relkind FROM pg_class WHERE relname IN ('eng', 'emp', 'rich') ORDER BY relname
----
emp|r
eng|v
rich|v

query
SELECT a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull FROM pg_attribute a WHERE a.attrelid = 'eng'::regclass AND a.attnum > 0 ORDER BY a.attnum
----
id|integer|f
name|text|f
salary|numeric(10,2)|f

query
SELECT pg_get_viewdef('eng'::regclass) IS NOT NULL
----
t

statement error 42P07
CREATE VIEW eng AS SELECT 1 AS x

statement error 42P07
CREATE VIEW emp AS SELECT 1 AS x

statement error 42809
CREATE OR REPLACE VIEW emp AS SELECT 1 AS x

statement error 42P01
CREATE VIEW nope AS SELECT * FROM missing

statement error 42703
CREATE VIEW nope AS SELECT missing FROM emp

statement error 42701
CREATE VIEW nope AS SELECT 1, 2

statement error 42601
CREATE VIEW nope (a, b) AS SELECT 1

statement error 42P16
CREATE OR REPLACE VIEW eng AS SELECT id, name FROM emp

statement error 42P16
CREATE OR REPLACE VIEW eng AS SELECT id, name AS who, salary FROM emp

statement error 42P16
CREATE OR REPLACE VIEW eng AS SELECT id, name, dept AS salary FROM emp

statement ok
CREATE OR REPLACE VIEW eng AS SELECT id, name, salary, dept FROM emp WHERE dept = 'eng' OR dept IS NULL

query
SELECT * FROM eng ORDER BY id
----
1|ann|100.00|eng
2|bob|80.50|eng
4|dee|60.00|NULL

query
SELECT name FROM rich
----
ann

statement ok
CREATE VIEW partial (k) AS SELECT id, name FROM emp WHERE id < 3

query
SELECT * FROM partial ORDER BY k
----
1|ann
2|bob

statement error 2BP01
DROP TABLE emp

statement error 2BP01
DROP VIEW eng

statement error 42809
DROP VIEW emp

statement error 42809
DROP TABLE eng

statement error 42P01
DROP VIEW missing

statement ok
DROP VIEW IF EXISTS missing

statement ok
DROP VIEW rich, eng

query
SELECT viewname FROM pg_views WHERE schemaname = 'public' ORDER BY viewname
----
dept_pay
partial

statement ok
CREATE VIEW floors AS SELECT name, lvl FROM dept WHERE lvl > 1

statement error 2BP01
DROP TABLE dept

statement ok
DROP TABLE dept CASCADE

query
SELECT viewname FROM pg_views WHERE schemaname = 'public' ORDER BY viewname
----
dept_pay
partial

statement ok
DROP VIEW dept_pay

statement ok
CREATE VIEW chain1 AS SELECT id, name FROM emp

statement ok
CREATE VIEW chain2 AS SELECT name FROM chain1

statement ok
DROP VIEW chain1 CASCADE

query
SELECT count(*) FROM pg_views WHERE schemaname = 'public'
----
1

statement ok
ALTER VIEW partial RENAME TO firsts

statement error 42P07
ALTER VIEW firsts RENAME TO emp

statement error 42809
ALTER VIEW emp RENAME TO staff

statement ok
ALTER VIEW IF EXISTS missing RENAME TO other

statement ok
COMMENT ON VIEW firsts IS 'the first employees'

statement ok
COMMENT ON COLUMN firsts.k IS 'their id'

query
SELECT obj_description('firsts'::regclass, 'pg_class'), col_description('firsts'::regclass, 1)
----
the first employees|their id

query
SELECT * FROM firsts ORDER BY k
----
1|ann
2|bob

statement ok
DROP VIEW firsts

statement ok
DROP TABLE emp
