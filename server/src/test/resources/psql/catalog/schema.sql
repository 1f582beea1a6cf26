CREATE TABLE accounts (id BIGINT PRIMARY KEY, name VARCHAR(40) NOT NULL, balance DOUBLE PRECISION DEFAULT 0, active BOOLEAN);
CREATE TABLE orders (order_id INTEGER PRIMARY KEY, account_id BIGINT NOT NULL, note TEXT, qty INTEGER DEFAULT 1);
CREATE INDEX orders_account ON orders (account_id);
CREATE UNIQUE INDEX accounts_name ON accounts (name);
