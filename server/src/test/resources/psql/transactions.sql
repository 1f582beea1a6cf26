-- Transaction blocks through psql: a rolled-back block leaves nothing, a committed one stays,
-- UPDATE and DELETE report their counts.
CREATE TABLE acct (id INT PRIMARY KEY, balance INT NOT NULL);
INSERT INTO acct VALUES (1, 100), (2, 100);
BEGIN;
UPDATE acct SET balance = balance - 30 WHERE id = 1;
UPDATE acct SET balance = balance + 30 WHERE id = 2;
ROLLBACK;
SELECT sum(balance) FROM acct;
BEGIN ISOLATION LEVEL SERIALIZABLE;
UPDATE acct SET balance = balance - 30 WHERE id = 1;
UPDATE acct SET balance = balance + 30 WHERE id = 2;
COMMIT;
SELECT id, balance FROM acct ORDER BY id;
DELETE FROM acct WHERE balance > 100;
SHOW transaction_isolation;
SELECT count(*) FROM acct;
