# INSERT, UPDATE and DELETE ... RETURNING: star, expressions, aliases, defaults, old rows of DELETE, no rows.

statement ok
CREATE TABLE inv (id INT PRIMARY KEY, name VARCHAR(20) NOT NULL, qty INT DEFAULT 5, price NUMERIC(8,2))

query
INSERT INTO inv (id, name) VALUES (1, 'bolt'), (2, 'nut') RETURNING *
----
1|bolt|5|NULL
2|nut|5|NULL

query
INSERT INTO inv VALUES (3, 'gear', 2, 9.50) RETURNING id, qty * price AS total, upper(name) AS big
----
3|19.00|GEAR

query
INSERT INTO inv (id, name, price) VALUES (4, 'cog', 1.25) RETURNING qty, price
----
5|1.25

query rowsort
UPDATE inv SET qty = qty + 10 WHERE id <= 2 RETURNING id, qty
----
1|15
2|15

query rowsort
UPDATE inv AS i SET price = 2.00 WHERE i.price IS NULL RETURNING i.id, i.price
----
1|2.00
2|2.00

query
UPDATE inv SET qty = 0 WHERE id = 99 RETURNING id
----

query
DELETE FROM inv WHERE id = 4 RETURNING name, qty, price
----
cog|5|1.25

query
DELETE FROM inv WHERE id > 100 RETURNING *
----

query
INSERT INTO inv SELECT id + 10, name || '2', qty, price FROM inv WHERE id < 3 RETURNING id, name
----
11|bolt2
12|nut2

query rowsort
UPDATE inv SET name = name || '!' WHERE id IN (1, 11) RETURNING length(name), name
----
5|bolt!
6|bolt2!

query
INSERT INTO inv VALUES (20, 'x', 1, 1.00) RETURNING id + 1, 'literal', NULL
----
21|literal|NULL

statement error 42703
INSERT INTO inv VALUES (21, 'y', 1, 1.00) RETURNING nope

statement error 23505
INSERT INTO inv VALUES (22, 'z', 1, 1.00), (1, 'dup', 1, 1.00) RETURNING id

query rowsort
DELETE FROM inv RETURNING id
----
3
2
12
1
11
20

query
SELECT count(*) FROM inv
----
0
