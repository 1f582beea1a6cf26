CREATE ROLE ledger_clerk LOGIN CONNECTION LIMIT 3;
CREATE ROLE ledger_readers CREATEDB;
GRANT ledger_readers TO ledger_clerk;
CREATE TABLE ledger (id INT PRIMARY KEY, amount INT);
GRANT INSERT, UPDATE ON ledger TO ledger_clerk WITH GRANT OPTION;
GRANT SELECT ON ledger TO ledger_readers;
GRANT SELECT ON ledger TO PUBLIC;
