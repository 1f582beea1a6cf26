# Schemas: CREATE / DROP / ALTER SCHEMA, schema-qualified names and the catalog rows of schemas. Settings do not
# carry from case to case in PostgreSQL's runs of this file, so search_path itself is covered by SearchPathTest.

statement ok
CREATE TABLE t (id INT PRIMARY KEY, v TEXT)

statement ok
INSERT INTO t VALUES (1, 'in public')

statement ok
CREATE SCHEMA app

statement error 42P06
CREATE SCHEMA app

statement ok
CREATE SCHEMA IF NOT EXISTS app

statement error 42P06
CREATE SCHEMA public

statement error 42939
CREATE SCHEMA pg_mine

statement ok
CREATE TABLE app.t (id INT PRIMARY KEY, v TEXT, n INT)

statement error 42P07
CREATE TABLE app.t (id INT)

statement ok
CREATE TABLE IF NOT EXISTS app.t (id INT)

statement error 3F000
CREATE TABLE nosuch.t (id INT)

statement count 3
INSERT INTO app.t VALUES (1, 'in app', 10), (2, 'in app', 20), (3, 'in app', 30)

query
SELECT id, v FROM t ORDER BY id
----
1|in public

query
SELECT id, v FROM public.t ORDER BY id
----
1|in public

query
SELECT id, v, n FROM app.t ORDER BY id
----
1|in app|10
2|in app|20
3|in app|30

query
SELECT a.id, a.n, p.v FROM app.t a JOIN public.t p ON p.id = a.id
----
1|10|in public

query
SELECT app.t.n FROM app.t WHERE app.t.id = 2
----
20

statement count 1
UPDATE app.t SET n = n + 1 WHERE id = 2

statement count 1
DELETE FROM app.t WHERE id = 1

query
SELECT id, n FROM app.t ORDER BY id
----
2|21
3|30

query
SELECT count(*) FROM public.t
----
1

statement error 42P01
SELECT * FROM app.nosuch

statement error 42P01
SELECT * FROM nosuch.t

statement ok
CREATE INDEX t_n_idx ON app.t (n)

query
SELECT id FROM app.t WHERE n = 21
----
2

statement ok
CREATE SEQUENCE app.s

query
SELECT nextval('app.s'), nextval('app.s')
----
1|2

statement error 42P01
SELECT nextval('s')

statement ok
CREATE TABLE app.items (id SERIAL PRIMARY KEY, name TEXT)

statement count 2
INSERT INTO app.items (name) VALUES ('a'), ('b')

query
SELECT id, name FROM app.items ORDER BY id
----
1|a
2|b

statement ok
ALTER TABLE app.t ADD COLUMN extra INT DEFAULT 5

statement ok
ALTER TABLE app.t RENAME COLUMN extra TO bonus

query
SELECT id, bonus FROM app.t ORDER BY id
----
2|5
3|5

statement ok
ALTER TABLE app.t ADD CONSTRAINT t_v_key UNIQUE (n)

statement error 23505
INSERT INTO app.t VALUES (9, 'dup', 21)

statement ok
COMMENT ON TABLE app.t IS 'the app table'

statement ok
COMMENT ON COLUMN app.t.v IS 'a value'

query
SELECT obj_description('app.t'::regclass, 'pg_class'), col_description('app.t'::regclass, 2)
----
the app table|a value

statement ok
CREATE TABLE app.ids (id INT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, v TEXT)

statement error 428C9
INSERT INTO app.ids VALUES (5, 'x')

statement count 1
INSERT INTO app.ids (v) VALUES ('y')

query
SELECT id, v FROM app.ids
----
1|y

statement ok
CREATE TABLE app.gone (id INT)

statement ok
ALTER TABLE app.gone RENAME TO renamed

query
SELECT table_schema, table_name FROM information_schema.tables WHERE table_name IN ('gone', 'renamed')
----
app|renamed

statement ok
TRUNCATE app.renamed

statement ok
DROP TABLE app.renamed

statement ok
DROP TABLE app.ids

statement ok
DROP INDEX app.t_n_idx

statement error 42704
DROP INDEX t_n_idx

query
SELECT constraint_schema, constraint_name, table_schema, table_name, constraint_type FROM information_schema.table_constraints WHERE table_schema = 'app' AND constraint_type <> 'CHECK' ORDER BY 2
----
app|items_pkey|app|items|PRIMARY KEY
app|t_pkey|app|t|PRIMARY KEY
app|t_v_key|app|t|UNIQUE

query
SELECT constraint_schema, constraint_name, table_name, column_name FROM information_schema.key_column_usage WHERE table_schema = 'app' ORDER BY 2, 4
----
app|items_pkey|items|id
app|t_pkey|t|id
app|t_v_key|t|n

query
SELECT id, v FROM app.t WHERE id = 2 FOR UPDATE
----
2|in app

statement ok
CREATE TABLE app.short (code VARCHAR(3))

statement error 22001
INSERT INTO app.short VALUES ('abcd')

statement count 1
INSERT INTO app.short VALUES ('abc')

statement ok
DROP TABLE app.short

query
SELECT nspname FROM pg_namespace WHERE nspname IN ('app', 'public', 'pg_catalog') ORDER BY nspname
----
app
pg_catalog
public

query
SELECT n.nspname, c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname IN ('app', 'public') ORDER BY 1, 2
----
app|items|r
app|items_id_seq|S
app|items_pkey|i
app|s|S
app|t|r
app|t_pkey|i
app|t_v_key|i
public|t|r
public|t_pkey|i

query
SELECT schema_name FROM information_schema.schemata WHERE schema_name IN ('app', 'public') ORDER BY 1
----
app
public

query
SELECT table_schema, table_name FROM information_schema.tables WHERE table_schema IN ('app', 'public') ORDER BY 1, 2
----
app|items
app|t
public|t

statement error 2BP01
DROP SCHEMA app

statement error 2BP01
DROP SCHEMA app RESTRICT

statement error 3F000
DROP SCHEMA nosuch

statement ok
DROP SCHEMA IF EXISTS nosuch

statement ok
CREATE SCHEMA scratch

statement ok
DROP SCHEMA scratch

statement ok
CREATE SCHEMA s1

statement ok
CREATE SCHEMA s2

statement ok
DROP SCHEMA s1, s2

statement ok
DROP TABLE app.items

statement ok
DROP SCHEMA app CASCADE

statement error 42P01
SELECT * FROM app.t

query
SELECT id, v FROM t ORDER BY id
----
1|in public

query
SELECT count(*) FROM pg_namespace WHERE nspname = 'app'
----
0

statement ok
CREATE SCHEMA app

query
SELECT count(*) FROM information_schema.tables WHERE table_schema = 'app'
----
0
