# json and jsonb: json keeps its text, jsonb its normal form; the ->, ->>, #>, #>>, @> and ? operators.

statement ok
CREATE TABLE docs (id INT PRIMARY KEY, j JSON, b JSONB)

statement count 4
INSERT INTO docs VALUES (1, '{"b" : 1, "a": [1, 2.50, {"x": "y"}], "a": null}', '{"b" : 1, "aa": [1, 2.50, {"x": "y"}], "a": null, "b": 2}'), (2, '[1, "two", [3]]', '[1, "two", [3], 1e2, -0]'), (3, NULL, NULL), (4, '"text\n"', '"te\"xt\u00e9"')

query
SELECT id, j, b FROM docs ORDER BY id
----
1|{"b" : 1, "a": [1, 2.50, {"x": "y"}], "a": null}|{"a": null, "b": 2, "aa": [1, 2.50, {"x": "y"}]}
2|[1, "two", [3]]|[1, "two", [3], 100, 0]
3|NULL|NULL
4|"text\n"|"te\"xté"

query
SELECT '{"z":1,"a":{"c":2,"bb":3}, "a" : true}'::jsonb
----
{"a": true, "z": 1}

query
SELECT '[1, {"a" :2} ]'::json, CAST('{"y":1, "x":2}' AS jsonb), CAST('{"x" : 1}' AS json)
----
[1, {"a" :2} ]|{"x": 2, "y": 1}|{"x" : 1}

query
SELECT '1e3'::jsonb, '-1.50E-1'::jsonb, '12345678901234567890'::jsonb, 'null'::jsonb, 'true'::json
----
1000|-0.150|12345678901234567890|null|true

statement error 22P02 invalid input syntax for type json
SELECT '{"a":1'::json

statement error 22P02 invalid input syntax for type json
SELECT '{"a":1} x'::jsonb

statement error 22P02 invalid input syntax for type json
SELECT '{a:1}'::jsonb

statement error 22P02 invalid input syntax for type json
INSERT INTO docs VALUES (5, '[1,', NULL)

statement error 22P02 invalid input syntax for type json
INSERT INTO docs VALUES (5, NULL, 'nope')

query
SELECT id, j -> 'a', b -> 'a', b -> 'aa' FROM docs WHERE id = 1
----
1|null|null|[1, 2.50, {"x": "y"}]

query
SELECT id, j ->> 'b', b ->> 'b', b ->> 'missing' FROM docs WHERE id = 1
----
1|1|2|NULL

query
SELECT id, j -> 1, j -> -1, j ->> 1, b -> 2, b -> -2, b ->> 3, j -> 9 FROM docs WHERE id = 2
----
2|"two"|[3]|two|[3]|100|100|NULL

query
SELECT id, j #> '{a,2}', j #>> '{a,2,x}', b #> '{aa,2}', b #>> '{aa,1}', b #> '{nope,1}' FROM docs WHERE id = 1
----
1|{"x": "y"}|y|{"x": "y"}|2.50|NULL

query
SELECT id FROM docs WHERE b ->> 'b' = '2'
----
1

query
SELECT id, b -> 'aa' -> 2 ->> 'x' FROM docs ORDER BY id
----
1|y
2|NULL
3|NULL
4|NULL

query
SELECT id, j ->> 'a' IS NULL, b ->> 'a' IS NULL FROM docs WHERE id = 1
----
1|t|t

query
SELECT id, b ->> 0 FROM docs WHERE id = 4
----
4|te"xté

query
SELECT j::text, b::text FROM docs WHERE id = 4
----
"text\n"|"te\"xté"

query
SELECT length(b::text), upper(b ->> 'x') FROM docs WHERE id = 1
----
48|NULL

query
SELECT b::json, j::jsonb FROM docs WHERE id = 1
----
{"a": null, "b": 2, "aa": [1, 2.50, {"x": "y"}]}|{"a": null, "b": 1}

query
SELECT id FROM docs WHERE b = '{"a": null, "b": 2, "aa": [1, 2.50, {"x": "y"}]}'
----
1

query
SELECT id FROM docs WHERE b = '{"aa": [1, 2.50, {"x": "y"}], "b": 2, "a": null}'::jsonb
----
1

statement error 42883
SELECT id FROM docs WHERE j = j

statement error 42883
SELECT 1 + '{"a":1}'::jsonb ->> 'a'

query
SELECT '{"a":{"b":[1,2]}}'::jsonb @> '{"a":{"b":[2]}}', '[1,2,3]'::jsonb @> '[3,1]', '[1,2]'::jsonb @> '1', '{"a":1}'::jsonb @> '{"a":2}'
----
t|t|t|f

query
SELECT id FROM docs WHERE b @> '{"b": 2}'
----
1

query
SELECT '{"a":1}'::jsonb ? 'a', '{"a":1}'::jsonb ? 'b', '["a","b"]'::jsonb ? 'b', '[1]'::jsonb ? '1'
----
t|f|t|f

query
SELECT id, jsonb_typeof(b), json_typeof(j) FROM docs ORDER BY id
----
1|object|object
2|array|array
3|NULL|NULL
4|string|string

query
SELECT jsonb_array_length(b), json_array_length(j) FROM docs WHERE id = 2
----
5|3

statement error 22023
SELECT jsonb_array_length(b) FROM docs WHERE id = 1

query
SELECT coalesce(b -> 'zz', '"none"'::jsonb) FROM docs WHERE id = 1
----
"none"

query
SELECT b ->> 'b' AS v, count(*) FROM docs GROUP BY b ->> 'b' ORDER BY v
----
2|1
NULL|3

statement ok
UPDATE docs SET b = '{"b":3,  "a":[]}' WHERE id = 3

query
SELECT b FROM docs WHERE id = 3
----
{"a": [], "b": 3}

statement error 42704
CREATE TABLE bad (j JSON PRIMARY KEY)

statement error 42704
CREATE INDEX docs_j ON docs (j)

statement error 42846
SELECT 1::jsonb
