# INSERT ... ON CONFLICT: DO NOTHING and DO UPDATE, targets by columns and by constraint name, EXCLUDED, WHERE,
# counts, RETURNING and the errors PostgreSQL gives.

statement ok
CREATE TABLE stock (sku INT PRIMARY KEY, code VARCHAR(10), qty INT NOT NULL, seen INT DEFAULT 0)

statement ok
CREATE UNIQUE INDEX stock_code ON stock (code)

statement count 2
INSERT INTO stock VALUES (1, 'a', 10, 0), (2, 'b', 20, 0)

statement count 1
INSERT INTO stock VALUES (1, 'x', 99, 0), (3, 'c', 30, 0) ON CONFLICT (sku) DO NOTHING

statement count 0
INSERT INTO stock VALUES (9, 'a', 1, 0) ON CONFLICT DO NOTHING

statement count 1
INSERT INTO stock VALUES (4, 'd', 1, 0), (5, 'd', 2, 0) ON CONFLICT DO NOTHING

statement error 23505
INSERT INTO stock VALUES (6, 'a', 1, 0) ON CONFLICT (sku) DO NOTHING

statement count 2
INSERT INTO stock VALUES (1, 'a', 5, 0), (7, 'g', 70, 0) ON CONFLICT (sku) DO UPDATE SET qty = stock.qty + EXCLUDED.qty, seen = stock.seen + 1

query
SELECT sku, code, qty, seen FROM stock ORDER BY sku
----
1|a|15|1
2|b|20|0
3|c|30|0
4|d|1|0
7|g|70|0

statement count 1
INSERT INTO stock VALUES (2, 'b', 0, 0), (3, 'c', 0, 0) ON CONFLICT (sku) DO UPDATE SET qty = EXCLUDED.qty WHERE stock.qty > 25

query
SELECT sku, qty FROM stock WHERE sku IN (2, 3) ORDER BY sku
----
2|20
3|0

query
INSERT INTO stock VALUES (8, 'b', 42, 0) ON CONFLICT (code) DO UPDATE SET qty = EXCLUDED.qty RETURNING sku, code, qty
----
2|b|42

query
INSERT INTO stock VALUES (1, 'z', 0, 0) ON CONFLICT ON CONSTRAINT stock_pkey DO UPDATE SET code = EXCLUDED.code RETURNING *
----
1|z|15|1

query
INSERT INTO stock VALUES (10, 'j', 1, 0), (1, 'q', 0, 0) ON CONFLICT (sku) DO NOTHING RETURNING sku
----
10

query
INSERT INTO stock (sku, code, qty) VALUES (4, NULL, 7) ON CONFLICT (sku) DO UPDATE SET code = NULL, qty = EXCLUDED.qty * 2 RETURNING sku, code, qty
----
4|NULL|14

statement error 21000
INSERT INTO stock VALUES (11, 'k', 1, 0), (11, 'k', 2, 0) ON CONFLICT (sku) DO UPDATE SET qty = EXCLUDED.qty

statement error 21000
INSERT INTO stock VALUES (1, 'z', 1, 0), (1, 'z', 2, 0) ON CONFLICT (sku) DO UPDATE SET qty = EXCLUDED.qty

statement error 42702
INSERT INTO stock VALUES (1, 'a', 1, 0) ON CONFLICT (sku) DO UPDATE SET qty = qty + 1

statement error 42P10
INSERT INTO stock VALUES (1, 'a', 1, 0) ON CONFLICT (qty) DO NOTHING

statement error 42P10
INSERT INTO stock VALUES (1, 'a', 1, 0) ON CONFLICT (sku, code) DO NOTHING

statement error 42704
INSERT INTO stock VALUES (1, 'a', 1, 0) ON CONFLICT ON CONSTRAINT nope DO NOTHING

statement error 42601
INSERT INTO stock VALUES (1, 'a', 1, 0) ON CONFLICT DO UPDATE SET qty = 1

query
SELECT sku, code, qty, seen FROM stock ORDER BY sku
----
1|z|15|1
2|b|42|0
3|c|0|0
4|NULL|14|0
7|g|70|0
10|j|1|0
