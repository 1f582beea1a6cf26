# uuid: 16 bytes in rows and keys, ordered as PostgreSQL orders them (byte by byte), text input validated.

statement ok
CREATE TABLE u (id UUID PRIMARY KEY, other UUID, n INT)

statement count 4
INSERT INTO u VALUES ('a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', NULL, 1), ('FFFFFFFF-9C0B-4EF8-BB6D-6BB9BD380A11', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', 2), ('00000000-0000-0000-0000-000000000001', '7fffffff-ffff-ffff-ffff-ffffffffffff', 3), ('80000000-0000-0000-0000-000000000000', '00000000-0000-0000-0000-000000000001', 4)

statement error 22P02 invalid input syntax for type uuid
INSERT INTO u VALUES ('not-a-uuid', NULL, 5)

statement error 22P02 invalid input syntax for type uuid
SELECT 'zzz'::uuid

statement error 23505
INSERT INTO u VALUES ('a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', NULL, 6)

query
SELECT id, other, n FROM u ORDER BY id
----
00000000-0000-0000-0000-000000000001|7fffffff-ffff-ffff-ffff-ffffffffffff|3
80000000-0000-0000-0000-000000000000|00000000-0000-0000-0000-000000000001|4
a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11|NULL|1
ffffffff-9c0b-4ef8-bb6d-6bb9bd380a11|a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11|2

query
SELECT n FROM u WHERE id = 'ffffffff-9c0b-4ef8-bb6d-6bb9bd380a11'
----
2

query
SELECT n FROM u WHERE id = 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid
----
1

query
SELECT n FROM u WHERE id > '7fffffff-ffff-ffff-ffff-ffffffffffff' ORDER BY id
----
4
1
2

query
SELECT n FROM u WHERE id IN ('00000000-0000-0000-0000-000000000001', '80000000-0000-0000-0000-000000000000') ORDER BY n
----
3
4

query
SELECT n FROM u WHERE other IS NULL
----
1

query rowsort
SELECT n FROM u WHERE other = id OR other IS NOT NULL
----
2
3
4

statement ok
CREATE INDEX u_other ON u (other)

query
SELECT n FROM u WHERE other = 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'
----
2

query
SELECT id::text, CAST(other AS VARCHAR) FROM u WHERE n = 2
----
ffffffff-9c0b-4ef8-bb6d-6bb9bd380a11|a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11

query
SELECT length(CAST(gen_random_uuid() AS TEXT)), gen_random_uuid() IS NULL
----
36|f

query
SELECT count(*) FROM u WHERE id <> gen_random_uuid()
----
4

statement count 1
UPDATE u SET other = id WHERE n = 1

query
SELECT n FROM u WHERE other = id
----
1

statement count 1
DELETE FROM u WHERE id = '80000000-0000-0000-0000-000000000000'

query
SELECT count(*), count(other) FROM u
----
3|3

query
SELECT CAST('A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11' AS UUID)
----
a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11

# psql's \d prints format_type of each column: uuid, as PostgreSQL does
query
SELECT attname, format_type(atttypid, atttypmod), t.typname FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid WHERE attrelid = 'u'::regclass AND attnum > 0 ORDER BY attnum
----
id|uuid|uuid
other|uuid|uuid
n|integer|int4

# in-memory order (not served by a key): unsigned bytes, as the text sorts
statement ok
CREATE TABLE uo (k INT PRIMARY KEY, v UUID, g INT)

statement count 4
INSERT INTO uo VALUES (1, 'ffffffff-0000-0000-0000-000000000000', 1), (2, '00000000-0000-0000-0000-000000000002', 1), (3, '80000000-0000-0000-0000-000000000000', 2), (5, '7fffffff-ffff-ffff-ffff-ffffffffffff', 2)

statement count 1
INSERT INTO uo VALUES (4, NULL, 2)

query
SELECT k, v FROM uo ORDER BY v
----
2|00000000-0000-0000-0000-000000000002
5|7fffffff-ffff-ffff-ffff-ffffffffffff
3|80000000-0000-0000-0000-000000000000
1|ffffffff-0000-0000-0000-000000000000
4|NULL

query
SELECT k FROM uo ORDER BY v DESC NULLS LAST, k
----
1
3
5
2
4

query
SELECT k FROM uo ORDER BY v LIMIT 2
----
2
5

query
SELECT k FROM uo WHERE v > '7fffffff-ffff-ffff-ffff-ffffffffffff' ORDER BY k
----
1
3

query
SELECT k FROM uo WHERE v <= '80000000-0000-0000-0000-000000000000' ORDER BY k
----
2
3
5

query
SELECT k FROM uo WHERE v BETWEEN '00000000-0000-0000-0000-000000000003' AND 'ffffffff-0000-0000-0000-000000000000' ORDER BY k
----
1
3
5

query
SELECT a.k, b.k FROM uo a JOIN uo b ON a.v < b.v WHERE a.k = 3 ORDER BY b.k
----
3|1

query
SELECT k, v > '7fffffff-ffff-ffff-ffff-ffffffffffff' FROM uo ORDER BY k
----
1|t
2|f
3|t
4|NULL
5|f
