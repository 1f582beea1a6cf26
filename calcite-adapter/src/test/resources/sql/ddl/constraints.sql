# ADD CONSTRAINT PRIMARY KEY / UNIQUE on tables that already hold rows (what pg_dump emits after COPY), DROP
# CONSTRAINT, and UNIQUE constraints in CREATE TABLE.

statement ok
CREATE TABLE acct (id INT, region TEXT, email TEXT, note TEXT)

statement ok
INSERT INTO acct VALUES (2, 'eu', 'b@x', 'two'), (1, 'us', 'a@x', NULL), (3, 'eu', NULL, 'three')

statement ok
ALTER TABLE ONLY public.acct ADD CONSTRAINT acct_pkey PRIMARY KEY (id)

query
SELECT id, region, email FROM acct ORDER BY id
----
1|us|a@x
2|eu|b@x
3|eu|NULL

query
SELECT id, note FROM acct WHERE id = 3
----
3|three

statement error 23505
INSERT INTO acct VALUES (1, 'xx', 'dup@x', NULL)

statement error 23502
INSERT INTO acct (region) VALUES ('eu')

statement error 42P16
ALTER TABLE acct ADD PRIMARY KEY (email)

query
SELECT conname, contype, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'acct'::regclass ORDER BY conname
----
acct_pkey|p|PRIMARY KEY (id)

statement ok
ALTER TABLE ONLY public.acct ADD CONSTRAINT acct_email_key UNIQUE (email)

statement error 23505
INSERT INTO acct VALUES (4, 'us', 'a@x', NULL)

statement ok
INSERT INTO acct VALUES (4, 'us', NULL, NULL)

query
SELECT conname, contype, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'acct'::regclass ORDER BY conname
----
acct_email_key|u|UNIQUE (email)
acct_pkey|p|PRIMARY KEY (id)

statement error 23505
ALTER TABLE acct ADD CONSTRAINT acct_region_key UNIQUE (region)

statement error 42P07
ALTER TABLE acct ADD CONSTRAINT acct_pkey UNIQUE (note)

statement ok
ALTER TABLE acct DROP CONSTRAINT acct_email_key

statement ok
INSERT INTO acct VALUES (5, 'us', 'a@x', NULL)

statement error 42704
ALTER TABLE acct DROP CONSTRAINT acct_email_key

statement ok
ALTER TABLE acct DROP CONSTRAINT IF EXISTS acct_email_key

statement ok
ALTER TABLE acct DROP CONSTRAINT acct_pkey

statement ok
INSERT INTO acct VALUES (5, 'eu', 'c@x', NULL)

query
SELECT count(*), count(DISTINCT id) FROM acct
----
6|5

statement ok
CREATE TABLE pair (a INT, b INT, c TEXT)

statement ok
INSERT INTO pair VALUES (1, 1, 'x'), (1, 2, 'y'), (1, 1, 'z')

statement error 23505
ALTER TABLE pair ADD PRIMARY KEY (a, b)

statement ok
DELETE FROM pair WHERE c = 'z'

statement ok
INSERT INTO pair VALUES (2, NULL, 'n')

statement error 23502
ALTER TABLE pair ADD PRIMARY KEY (a, b)

statement ok
DELETE FROM pair WHERE b IS NULL

statement ok
ALTER TABLE pair ADD PRIMARY KEY (a, b)

query
SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'pair'::regclass
----
pair_pkey|PRIMARY KEY (a, b)

query
SELECT a, b, c FROM pair WHERE a = 1 AND b = 2
----
1|2|y

statement error 23505
INSERT INTO pair VALUES (1, 2, 'again')

statement ok
CREATE TABLE member (id INT PRIMARY KEY, handle TEXT UNIQUE, org INT, seat INT, CONSTRAINT member_seat UNIQUE (org, seat))

statement ok
INSERT INTO member VALUES (1, 'ann', 1, 1), (2, 'bob', 1, 2), (3, NULL, 2, 1), (4, NULL, NULL, 1)

statement error 23505
INSERT INTO member VALUES (5, 'ann', 3, 3)

statement error 23505
INSERT INTO member VALUES (6, 'cid', 1, 2)

query
SELECT conname, contype, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'member'::regclass ORDER BY conname
----
member_handle_key|u|UNIQUE (handle)
member_pkey|p|PRIMARY KEY (id)
member_seat|u|UNIQUE (org, seat)

statement ok
CREATE TABLE named (k INT, v TEXT, CONSTRAINT named_key PRIMARY KEY (k))

query
SELECT conname, contype FROM pg_constraint WHERE conrelid = 'named'::regclass
----
named_key|p

statement ok
ALTER TABLE named DROP CONSTRAINT named_key

statement ok
ALTER TABLE named ADD CONSTRAINT named_again PRIMARY KEY (k)

query
SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'named'::regclass
----
named_again|PRIMARY KEY (k)
