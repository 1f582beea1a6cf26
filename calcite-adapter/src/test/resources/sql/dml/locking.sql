# SELECT ... FOR UPDATE / NO KEY UPDATE / SHARE / KEY SHARE in one session: the rows are returned as without the
# clause; the shapes PostgreSQL refuses fail alike. What the locks do between sessions: RowLockingTest, PgjdbcRowLockIT.

statement ok
CREATE TABLE jobs (id INT PRIMARY KEY, state VARCHAR(10) NOT NULL, owner TEXT)

statement ok
INSERT INTO jobs VALUES (1, 'new', NULL), (2, 'new', 'ann'), (3, 'done', 'bob')

query
SELECT id, state FROM jobs WHERE state = 'new' ORDER BY id FOR UPDATE
----
1|new
2|new

query
SELECT id FROM jobs WHERE id = 2 FOR NO KEY UPDATE
----
2

query
SELECT j.id, j.owner FROM jobs j WHERE j.owner IS NOT NULL ORDER BY j.id FOR SHARE OF j
----
2|ann
3|bob

query
SELECT id FROM jobs ORDER BY id LIMIT 1 FOR KEY SHARE
----
1

query
SELECT id FROM jobs ORDER BY id FOR UPDATE NOWAIT
----
1
2
3

query
select a.id, b.id from jobs a join jobs b on a.id = b.id - 1 order by a.id for update of a for share of b
----
1|2
2|3

query
SELECT 'FOR UPDATE' AS s FROM jobs WHERE id = 1
----
FOR UPDATE

statement ok
BEGIN

query
SELECT id, state FROM jobs WHERE id = 1 FOR UPDATE
----
1|new

statement count 1
UPDATE jobs SET state = 'taken', owner = 'cid' WHERE id = 1

statement ok
COMMIT

query
SELECT id, state, owner FROM jobs ORDER BY id
----
1|taken|cid
2|new|ann
3|done|bob

statement error 0A000 FOR UPDATE is not allowed with GROUP BY clause
SELECT state, count(*) FROM jobs GROUP BY state FOR UPDATE

statement error 0A000 FOR SHARE is not allowed with DISTINCT clause
SELECT DISTINCT state FROM jobs FOR SHARE

statement error 0A000
SELECT id FROM jobs UNION SELECT id FROM jobs FOR UPDATE

statement error 42P01 relation "jobs" in FOR UPDATE clause not found in FROM clause
SELECT * FROM jobs j FOR UPDATE OF jobs

statement error 0A000 FOR UPDATE is not allowed with aggregate functions
SELECT count(*) FROM jobs FOR UPDATE

statement error 0A000 FOR NO KEY UPDATE is not allowed with window functions
SELECT id, row_number() OVER (ORDER BY id) FROM jobs FOR NO KEY UPDATE

query
SELECT id FROM jobs WHERE id IN (SELECT max(id) FROM jobs) FOR UPDATE
----
3
