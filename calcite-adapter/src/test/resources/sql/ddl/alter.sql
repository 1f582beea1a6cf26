# ALTER TABLE: columns added, dropped, renamed and altered on tables that already hold rows; errors as PostgreSQL's.

statement ok
CREATE TABLE item (id INT PRIMARY KEY, name TEXT, price NUMERIC(8,2))

statement ok
INSERT INTO item VALUES (1, 'pen', 1.50), (2, 'ink', NULL), (3, 'pad', 4.00)

statement ok
ALTER TABLE item ADD COLUMN qty INT

query
SELECT id, name, price, qty FROM item ORDER BY id
----
1|pen|1.50|NULL
2|ink|NULL|NULL
3|pad|4.00|NULL

statement ok
ALTER TABLE item ADD COLUMN stock INT NOT NULL DEFAULT 7

query
SELECT id, qty, stock FROM item ORDER BY id
----
1|NULL|7
2|NULL|7
3|NULL|7

statement ok
INSERT INTO item (id, name) VALUES (4, 'cap')

query
SELECT id, name, stock FROM item WHERE id = 4
----
4|cap|7

statement error 23502
ALTER TABLE item ADD COLUMN code TEXT NOT NULL

statement error 42701
ALTER TABLE item ADD COLUMN name TEXT

statement ok
ALTER TABLE item ADD COLUMN IF NOT EXISTS name TEXT

statement ok
ALTER TABLE item ADD note VARCHAR(20) DEFAULT 'none', ADD COLUMN flag BOOLEAN

query
SELECT id, note, flag FROM item ORDER BY id
----
1|none|NULL
2|none|NULL
3|none|NULL
4|none|NULL

statement ok
ALTER TABLE item DROP COLUMN qty

query
SELECT * FROM item ORDER BY id
----
1|pen|1.50|7|none|NULL
2|ink|NULL|7|none|NULL
3|pad|4.00|7|none|NULL
4|cap|NULL|7|none|NULL

statement error 42703
SELECT qty FROM item

statement error 42703
ALTER TABLE item DROP COLUMN qty

statement ok
ALTER TABLE item DROP COLUMN IF EXISTS qty

statement ok
ALTER TABLE item DROP note, DROP COLUMN flag

statement ok
UPDATE item SET price = 2.25 WHERE id = 2

query
SELECT * FROM item ORDER BY id
----
1|pen|1.50|7
2|ink|2.25|7
3|pad|4.00|7
4|cap|NULL|7

statement ok
ALTER TABLE item RENAME COLUMN name TO label

query
SELECT id, label FROM item WHERE id <= 2 ORDER BY id
----
1|pen
2|ink

statement error 42703
SELECT name FROM item

statement error 42701
ALTER TABLE item RENAME label TO price

statement error 42703
ALTER TABLE item RENAME COLUMN nope TO other

statement ok
ALTER TABLE item RENAME TO product

query
SELECT count(*) FROM product
----
4

statement error 42P01
SELECT count(*) FROM item

statement error 42P01
ALTER TABLE item ADD COLUMN x INT

statement ok
ALTER TABLE IF EXISTS item ADD COLUMN x INT

statement ok
CREATE TABLE other (id INT PRIMARY KEY)

statement error 42P07
ALTER TABLE product RENAME TO other

statement ok
ALTER TABLE product ALTER COLUMN stock SET DEFAULT 100

statement ok
INSERT INTO product (id, label) VALUES (5, 'nib')

query
SELECT id, stock FROM product WHERE id = 5
----
5|100

statement ok
ALTER TABLE product ALTER stock DROP DEFAULT

statement error 23502
INSERT INTO product (id, label) VALUES (6, 'tip')

statement ok
ALTER TABLE product ALTER COLUMN stock DROP NOT NULL

statement ok
INSERT INTO product (id, label) VALUES (6, 'tip')

query
SELECT id, stock FROM product WHERE id = 6
----
6|NULL

statement error 23502
ALTER TABLE product ALTER COLUMN stock SET NOT NULL

statement ok
UPDATE product SET stock = 0 WHERE stock IS NULL

statement ok
ALTER TABLE product ALTER COLUMN stock SET NOT NULL

statement error 23502
UPDATE product SET stock = NULL WHERE id = 1

statement ok
ALTER TABLE product ALTER COLUMN label TYPE TEXT

statement ok
ALTER TABLE ONLY public.product ALTER COLUMN price SET DATA TYPE NUMERIC(10,2)

query
SELECT id, label, price, stock FROM product ORDER BY id
----
1|pen|1.50|7
2|ink|2.25|7
3|pad|4.00|7
4|cap|NULL|7
5|nib|NULL|100
6|tip|NULL|0

statement ok
CREATE INDEX product_label ON product (label)

statement ok
ALTER TABLE product DROP COLUMN label

query
SELECT c.relname FROM pg_class c JOIN pg_index i ON c.oid = i.indexrelid WHERE i.indrelid = 'product'::regclass ORDER BY 1
----
item_pkey

statement ok
ALTER TABLE product DROP COLUMN id

query
SELECT price, stock FROM product ORDER BY price, stock
----
1.50|7
2.25|7
4.00|7
NULL|0
NULL|7
NULL|100

statement ok
INSERT INTO product VALUES (9.99, 1), (9.99, 1)

query
SELECT count(*) FROM product
----
8
