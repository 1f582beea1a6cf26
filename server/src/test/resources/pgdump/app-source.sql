-- The PostgreSQL 15 database behind app.dump.sql (PgDumpIT): a schema of its own beside public. To regenerate the
-- dump, as root (the roles are shop.dump.sql's):
--   su postgres -c 'createdb appdump'
--   su postgres -c 'psql -X -v ON_ERROR_STOP=1 -d appdump -f app-source.sql'
--   su postgres -c 'pg_dump --no-password -Fp appdump' > app.dump.sql
--   su postgres -c 'psql -X -A -t -d appdump -f app-check.sql' > app-check.pg15.txt
CREATE SCHEMA app AUTHORIZATION shop_owner;
CREATE TABLE app.item (
  id integer NOT NULL,
  sku text NOT NULL,
  price numeric(10,2)
);
CREATE TABLE app.stock (
  item_id integer NOT NULL,
  qty integer DEFAULT 0
);
CREATE TABLE note (id integer NOT NULL, body text);
INSERT INTO app.item VALUES (1, 'PEN-01', 1.50), (2, 'INK-02', 7.25), (3, 'PAD-03', 3.00);
INSERT INTO app.stock VALUES (1, 100), (2, 0), (3, 12);
INSERT INTO note VALUES (1, 'public note');
ALTER TABLE ONLY app.item ADD CONSTRAINT item_pkey PRIMARY KEY (id);
ALTER TABLE ONLY app.stock ADD CONSTRAINT stock_pkey PRIMARY KEY (item_id);
CREATE UNIQUE INDEX item_sku ON app.item (sku);
ALTER TABLE app.item OWNER TO shop_owner;
ALTER TABLE app.stock OWNER TO shop_owner;
ALTER TABLE note OWNER TO shop_owner;
GRANT SELECT ON ALL TABLES IN SCHEMA app TO shop_reader;
COMMENT ON TABLE app.item IS 'catalogue items';
