# arrays in casts and results: a one-dimensional array's text cast with ::type[] becomes an array constructor.

query
SELECT '{1,2,3}'::int[]
----
{1,2,3}

query
SELECT '{1, NULL ,3}'::bigint[], '{a,"b c","d\"e",NULL}'::text[]
----
{1,NULL,3}|{a,"b c","d\"e",NULL}

query
SELECT ARRAY[1, 2], ARRAY['x', 'y z']
----
{1,2}|{x,"y z"}

statement error 22P02
SELECT '{1,x}'::int[]

query
SELECT 2 = ANY('{1,2,3}'::int[]), 5 = ANY(ARRAY[1, 2]), 'b' = ANY('{a,b}'::text[])
----
t|f|t

statement ok
CREATE TABLE arr (id INT PRIMARY KEY, s TEXT)

statement count 3
INSERT INTO arr VALUES (1, 'a'), (2, 'b'), (3, NULL)

query
SELECT id FROM arr WHERE id = ANY('{1,3}'::int[]) ORDER BY id
----
1
3

query
SELECT id FROM arr WHERE s = ANY('{a,c}'::text[]) ORDER BY id
----
1

query
SELECT id, ARRAY[s, 'z'] FROM arr ORDER BY id
----
1|{a,z}
2|{b,z}
3|{NULL,z}

query
SELECT cardinality('{1,2,3}'::int[]), ('{4,5,6}'::int[])[2]
----
3|5

query
SELECT '{0.5,1.25}'::float8[], '{7}'::smallint[]
----
{0.5,1.25}|{7}

# empty arrays, booleans and unconstrained numerics from text (PgLiteralCasts)
query
SELECT '{}'::int[], cardinality('{}'::text[]), 1 = ANY('{}'::int[])
----
{}|0|f

query
SELECT '{t,f,yes,off,NULL}'::boolean[]
----
{t,f,t,f,NULL}

query
SELECT 't'::boolean, 'no'::boolean, ' on '::boolean
----
t|f|t

statement error 22P02
SELECT 'maybe'::boolean

query
SELECT '{0.5}'::numeric[], '{-12.50}'::numeric[]
----
{0.5}|{-12.50}

query
SELECT '0.5'::numeric, '-12.50'::numeric, '3'::numeric(5,2)
----
0.5|-12.50|3.00

query
SELECT '0.5'::numeric + 1
----
1.5

statement error 22P02
SELECT 'x'::numeric
