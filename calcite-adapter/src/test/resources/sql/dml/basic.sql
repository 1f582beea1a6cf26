# INSERT, UPDATE, DELETE with their counts, defaults and constraints; TRUNCATE.

statement ok
CREATE TABLE acct (id INT PRIMARY KEY, owner TEXT NOT NULL, balance INT DEFAULT 0)

statement count 3
INSERT INTO acct (id, owner) VALUES (1, 'ann'), (2, 'bob'), (3, 'cid')

statement count 2
UPDATE acct SET balance = balance + 10 WHERE id <= 2

statement count 1
DELETE FROM acct WHERE owner = 'cid'

query
SELECT id, owner, balance FROM acct ORDER BY id
----
1|ann|10
2|bob|10

statement error 23505
INSERT INTO acct VALUES (1, 'dup', 0)

statement error 23502
INSERT INTO acct (id) VALUES (9)

statement count 2
INSERT INTO acct SELECT id + 10, owner || '2', balance FROM acct

statement count 0
UPDATE acct SET balance = 1 WHERE id > 100

query
SELECT count(*), sum(balance) FROM acct
----
4|40

statement ok
TRUNCATE acct

query
SELECT count(*) FROM acct
----
0

statement ok
INSERT INTO acct VALUES (5, 'eve', 50)

statement ok
TRUNCATE TABLE ONLY acct

query
SELECT count(*) FROM acct
----
0

statement error 42P01
TRUNCATE missing
