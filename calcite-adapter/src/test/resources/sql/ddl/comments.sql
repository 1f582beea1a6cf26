# COMMENT ON TABLE / COLUMN: persisted, read back through obj_description, col_description and pg_description.

statement ok
CREATE TABLE doc (id INT PRIMARY KEY, body TEXT, tag TEXT)

statement ok
COMMENT ON TABLE doc IS 'documents'

statement ok
COMMENT ON COLUMN doc.body IS 'the text, it''s long'

statement ok
COMMENT ON COLUMN public.doc.tag IS 'a label'

query
SELECT obj_description('doc'::regclass, 'pg_class')
----
documents

query
SELECT col_description('doc'::regclass, 2), col_description('doc'::regclass, 3), col_description('doc'::regclass, 1)
----
the text, it's long|a label|NULL

query
SELECT objsubid, description FROM pg_description WHERE objoid = 'doc'::regclass ORDER BY objsubid
----
0|documents
2|the text, it's long
3|a label

statement ok
COMMENT ON COLUMN doc.tag IS NULL

statement ok
COMMENT ON TABLE doc IS ''

query
SELECT objsubid, description FROM pg_description WHERE objoid = 'doc'::regclass ORDER BY objsubid
----
2|the text, it's long

statement ok
ALTER TABLE doc RENAME COLUMN body TO content

statement ok
ALTER TABLE doc RENAME TO paper

query
SELECT col_description('paper'::regclass, 2)
----
the text, it's long

statement error 42P01
COMMENT ON TABLE nope IS 'x'

statement error 42703
COMMENT ON COLUMN paper.nope IS 'x'
