# varchar(n) and char(n): assignment errors (22001), trailing spaces, padding, explicit casts.

statement ok
CREATE TABLE str (id INT PRIMARY KEY, v VARCHAR(3), c CHAR(3))

statement error 22001
INSERT INTO str VALUES (1, 'abcd', 'x')

statement error 22001
INSERT INTO str VALUES (1, 'a', 'wxyz')

statement error 22001
INSERT INTO str VALUES (1, 'a', 'x'), (2, 'abcdef', 'y')

statement count 2
INSERT INTO str VALUES (1, 'abc   ', 'x'), (2, 'a', 'xy     ')

query
SELECT id, v, length(v), c, v || '|' FROM str ORDER BY id
----
1|abc|3|x  |abc|
2|a|1|xy |a|

statement error 22001
UPDATE str SET v = v || 'zz'

statement error 22001
UPDATE str SET v = 'long' WHERE id = 1

statement count 1
UPDATE str SET v = 'ok  ' WHERE id = 2

query
SELECT id, v || '|' FROM str ORDER BY id
----
1|abc|
2|ok |

query
SELECT CAST('abcdef' AS VARCHAR(3)), 'abcdef'::varchar(2)
----
abc|ab

statement ok
CREATE TABLE src (t TEXT)

statement ok
INSERT INTO src VALUES ('ok'), ('toolong')

statement error 23505
INSERT INTO str (id, v) SELECT length(t), t FROM src

query
SELECT count(*) FROM str
----
2
