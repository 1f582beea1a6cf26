-- The PostgreSQL 15 database behind shop.dump.sql (PgDumpIT). To regenerate the dump, as root:
--   su postgres -c 'createuser shop_owner; createuser shop_reader; createdb shopdump'
--   su postgres -c 'psql -X -v ON_ERROR_STOP=1 -d shopdump -f shop-source.sql'
--   su postgres -c 'PGTZ=UTC pg_dump --no-password -Fp shopdump' > shop.dump.sql
--   su postgres -c 'PGTZ=America/New_York psql -X -A -t -d shopdump -f check.sql' > check.pg15.txt
CREATE TABLE customer (
  id integer NOT NULL,
  name text NOT NULL,
  email varchar(80),
  balance numeric(12,2),
  active boolean DEFAULT true,
  joined date,
  seen timestamptz,
  token uuid,
  avatar bytea
);
CREATE TABLE order_line (
  order_id bigint NOT NULL,
  line_no smallint NOT NULL,
  customer_id integer,
  sku text,
  qty integer NOT NULL DEFAULT 1,
  price numeric(10,2),
  weight double precision,
  note text
);
CREATE TABLE event_log (
  logged_at timestamp without time zone,
  kind char(4),
  payload text
);
ALTER TABLE customer OWNER TO shop_owner;
ALTER TABLE order_line OWNER TO shop_owner;
ALTER TABLE event_log OWNER TO shop_owner;
INSERT INTO customer VALUES
 (1, 'Ann O''Neil', 'ann@example.com', 1234.50, true, '2020-01-31', '2024-03-01 10:15:00+00', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '\x00ff10'),
 (2, 'Bob "the builder"', 'bob@example.com', -0.01, false, '1999-12-31', '2023-07-04 23:59:59.5+02', NULL, ''),
 (3, E'Tab\there', NULL, NULL, NULL, NULL, NULL, NULL, NULL),
 (4, E'Line1\nLine2', 'dan@example.com', 0, true, '2000-02-29', '1970-01-01 00:00:00+00', 'f47ac10b-58cc-4372-a567-0e02b2c3d479', '\x5c6e'),
 (5, E'back\\slash and \\N', 'eve@example.com', 99999999.99, true, '2024-02-29', '2024-02-29 12:00:00-05', '00000000-0000-0000-0000-000000000000', '\xdeadbeef'),
 (6, 'Ünïcödé ✓', 'uni@example.com', 12.30, false, '2010-10-10', NULL, NULL, NULL);
INSERT INTO order_line VALUES
 (100, 1, 1, 'PEN-01', 3, 1.50, 0.25, NULL),
 (100, 2, 1, 'INK-02', 1, 12.00, 0.1, 'gift wrap'),
 (101, 1, 2, 'PAD-03', 10, 4.00, 1e-3, E'multi\nline'),
 (102, 1, 5, 'PEN-01', 1, 1.50, 0.25, ''),
 (102, 2, NULL, NULL, 2, NULL, NULL, E'tab\tand \\ backslash'),
 (103, 1, 6, 'CAP-09', 7, 0.99, 123456.789, 'ünï');
INSERT INTO event_log VALUES
 ('2024-01-01 00:00:00', 'boot', 'started'),
 ('2024-01-01 00:00:01', 'warn', NULL),
 (NULL, NULL, NULL),
 ('2024-01-01 00:00:01', 'warn', NULL);
ALTER TABLE ONLY customer ADD CONSTRAINT customer_pkey PRIMARY KEY (id);
ALTER TABLE ONLY customer ADD CONSTRAINT customer_email_key UNIQUE (email);
ALTER TABLE ONLY order_line ADD CONSTRAINT order_line_pkey PRIMARY KEY (order_id, line_no);
CREATE INDEX order_line_sku_idx ON order_line USING btree (sku);
CREATE INDEX customer_joined_idx ON customer (joined);
COMMENT ON TABLE customer IS 'people who buy';
COMMENT ON COLUMN customer.email IS 'unique when present';
GRANT SELECT ON TABLE customer TO shop_reader;
GRANT SELECT, INSERT ON TABLE order_line TO shop_reader;
