# Sequences: CREATE / ALTER / DROP SEQUENCE and nextval, currval, setval, lastval. Each case runs in one statement,
# so session-scoped results (currval, lastval) are checked together with the nextval that defines them.

statement ok
CREATE SEQUENCE s

statement error 55000 currval of sequence "s" is not yet defined in this session
SELECT currval('s')

statement error 55000
SELECT lastval()

query
SELECT nextval('s')
----
1

query
SELECT nextval('s'), nextval('s')
----
2|3

query
SELECT nextval('s'), currval('s'), lastval()
----
4|4|4

statement error 42P07
CREATE SEQUENCE s

statement ok
CREATE SEQUENCE IF NOT EXISTS s

statement error 42P01
SELECT nextval('nosuch')

query
SELECT setval('s', 100)
----
100

query
SELECT nextval('s')
----
101

query
SELECT setval('s', 10, false), nextval('s'), nextval('s')
----
10|10|11

query
SELECT nextval('s'::regclass), nextval('public.s'), nextval('S')
----
12|13|14

statement ok
CREATE SEQUENCE down INCREMENT BY -2 START WITH 10 MINVALUE 5 MAXVALUE 20

query
SELECT nextval('down'), nextval('down'), nextval('down')
----
10|8|6

statement error 2200H
SELECT nextval('down')

statement ok
CREATE SEQUENCE small AS smallint MAXVALUE 3 CYCLE CACHE 10

query
SELECT nextval('small'), nextval('small'), nextval('small'), nextval('small')
----
1|2|3|1

statement ok
CREATE SEQUENCE limited MAXVALUE 2

query
SELECT nextval('limited'), nextval('limited')
----
1|2

statement error 2200H reached maximum value of sequence "limited" (2)
SELECT nextval('limited')

statement error 22003
SELECT setval('limited', 3)

statement ok
ALTER SEQUENCE limited MAXVALUE 10

query
SELECT nextval('limited')
----
3

statement ok
ALTER SEQUENCE limited RESTART

query
SELECT nextval('limited')
----
1

statement ok
ALTER SEQUENCE limited RESTART WITH 7 INCREMENT BY 2

query
SELECT nextval('limited'), nextval('limited')
----
7|9

statement error 22023
ALTER SEQUENCE limited RESTART WITH 50

statement error 22023
CREATE SEQUENCE bad INCREMENT 0

statement error 22023
CREATE SEQUENCE bad MINVALUE 10 MAXVALUE 5

statement error 22023
CREATE SEQUENCE bad AS smallint MAXVALUE 100000

statement error 22023
CREATE SEQUENCE bad START 0

statement ok
CREATE TABLE items (id INT, name TEXT)

statement ok
CREATE SEQUENCE item_ids OWNED BY items.id

statement count 2
INSERT INTO items VALUES (nextval('item_ids'), 'a'), (nextval('item_ids'), 'b')

query
SELECT id, name FROM items ORDER BY id
----
1|a
2|b

statement ok
CREATE SEQUENCE copy_ids START 50

statement ok
CREATE TABLE copies (id BIGINT DEFAULT nextval('copy_ids'), name TEXT)

statement count 1
INSERT INTO copies (name) VALUES ('c')

query
SELECT id, name FROM copies
----
50|c

query
SELECT relname, relkind FROM pg_class WHERE relname IN ('s', 'down', 'item_ids') ORDER BY relname
----
down|S
item_ids|S
s|S

query
SELECT c.relname, s.seqstart, s.seqincrement, s.seqmin, s.seqmax, s.seqcache, s.seqcycle FROM pg_sequence s JOIN pg_class c ON c.oid = s.seqrelid WHERE c.relname IN ('down', 'small') ORDER BY 1
----
down|10|-2|5|20|1|f
small|1|1|1|3|10|t

statement error 2BP01
DROP SEQUENCE copy_ids

statement ok
DROP SEQUENCE item_ids

statement ok
CREATE SEQUENCE item_ids OWNED BY items.id

statement ok
DROP TABLE items

statement error 42P01
SELECT nextval('item_ids')

statement ok
DROP SEQUENCE s, down

statement error 42P01
DROP SEQUENCE s

statement ok
DROP SEQUENCE IF EXISTS s

statement ok
ALTER SEQUENCE IF EXISTS s RESTART
