# information_schema computed from our catalog, compared with PostgreSQL 15 for the same tables (run as a
# superuser; catalog and owner names are compared with current_database() and current_user, which differ).

statement ok
CREATE TABLE accounts (id BIGINT PRIMARY KEY, name VARCHAR(40) NOT NULL, balance NUMERIC(12,2) DEFAULT 0, active BOOLEAN, code CHAR(3), opened DATE, seen TIMESTAMP, note TEXT, ratio DOUBLE PRECISION, small SMALLINT, r REAL, starts TIME)

statement ok
CREATE TABLE orders (region TEXT, id INT, qty INT NOT NULL, PRIMARY KEY (region, id))

statement ok
CREATE TABLE notes (body TEXT, n INT)

statement ok
CREATE UNIQUE INDEX accounts_name ON accounts (name)

query
SELECT table_catalog = current_database(), table_schema, table_name, table_type, self_referencing_column_name, reference_generation, user_defined_type_catalog, user_defined_type_schema, user_defined_type_name, is_insertable_into, is_typed, commit_action FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name
----
t|public|accounts|BASE TABLE|NULL|NULL|NULL|NULL|NULL|YES|NO|NULL
t|public|notes|BASE TABLE|NULL|NULL|NULL|NULL|NULL|YES|NO|NULL
t|public|orders|BASE TABLE|NULL|NULL|NULL|NULL|NULL|YES|NO|NULL

query
SELECT table_name, column_name, ordinal_position, column_default, is_nullable, data_type, character_maximum_length, character_octet_length, numeric_precision, numeric_precision_radix, numeric_scale, datetime_precision, interval_type, interval_precision FROM information_schema.columns WHERE table_schema = 'public' ORDER BY table_name, ordinal_position
----
accounts|id|1|NULL|NO|bigint|NULL|NULL|64|2|0|NULL|NULL|NULL
accounts|name|2|NULL|NO|character varying|40|160|NULL|NULL|NULL|NULL|NULL|NULL
accounts|balance|3|0|YES|numeric|NULL|NULL|12|10|2|NULL|NULL|NULL
accounts|active|4|NULL|YES|boolean|NULL|NULL|NULL|NULL|NULL|NULL|NULL|NULL
accounts|code|5|NULL|YES|character|3|12|NULL|NULL|NULL|NULL|NULL|NULL
accounts|opened|6|NULL|YES|date|NULL|NULL|NULL|NULL|NULL|0|NULL|NULL
accounts|seen|7|NULL|YES|timestamp without time zone|NULL|NULL|NULL|NULL|NULL|6|NULL|NULL
accounts|note|8|NULL|YES|text|NULL|1073741824|NULL|NULL|NULL|NULL|NULL|NULL
accounts|ratio|9|NULL|YES|double precision|NULL|NULL|53|2|NULL|NULL|NULL|NULL
accounts|small|10|NULL|YES|smallint|NULL|NULL|16|2|0|NULL|NULL|NULL
accounts|r|11|NULL|YES|real|NULL|NULL|24|2|NULL|NULL|NULL|NULL
accounts|starts|12|NULL|YES|time without time zone|NULL|NULL|NULL|NULL|NULL|6|NULL|NULL
notes|body|1|NULL|YES|text|NULL|1073741824|NULL|NULL|NULL|NULL|NULL|NULL
notes|n|2|NULL|YES|integer|NULL|NULL|32|2|0|NULL|NULL|NULL
orders|region|1|NULL|NO|text|NULL|1073741824|NULL|NULL|NULL|NULL|NULL|NULL
orders|id|2|NULL|NO|integer|NULL|NULL|32|2|0|NULL|NULL|NULL
orders|qty|3|NULL|NO|integer|NULL|NULL|32|2|0|NULL|NULL|NULL

query
SELECT table_name, column_name, character_set_catalog, character_set_schema, character_set_name, collation_catalog, collation_schema, collation_name, domain_catalog, domain_schema, domain_name, udt_catalog = current_database(), udt_schema, udt_name, scope_catalog, scope_schema, scope_name, maximum_cardinality, dtd_identifier, is_self_referencing FROM information_schema.columns WHERE table_schema = 'public' ORDER BY table_name, ordinal_position
----
accounts|id|NULL|NULL|NULL|NULL|NULL|NULL|NULL|NULL|NULL|t|pg_catalog|int8|NULL|NULL|NULL|NULL|1|NO
accounts|name|NULL|NULL|NULL|NULL|NULL|NULL|NULL|NULL|NULL|t|pg_catalog|varchar|NULL|NULL|NULL|NULL|2|NO
accounts|balance|NULL|NULL|NULL|NULL|NULL|NULL|NULL|NULL|NULL|t|pg_catalog|numeric|NULL|NULL|NULL|NULL|3|NO
accounts|active|NULL|NULL|NULL|NULL|NULL|NULL|NULL|NULL|NULL|t|pg_catalog|bool|NULL|NULL|NULL|NULL|4|NO
accounts|code|NULL|NULL|NULL|NULL|NULL|NULL|NULL|NULL|NULL|t|pg_catalog|bpchar|NULL|NULL|NULL|NULL|5|NO
accounts|opened|NULL|NULL|NULL|NULL|NULL|NULL|NULL|NULL|NULL|t|pg_catalog|date|NULL|NULL|NULL|NULL|6|NO
accounts|seen|NULL|NULL|NULL|NULL|NULL|NULL|NULL|NULL|NULL|t|pg_catalog|timestamp|NULL|NULL|NULL|NULL|7|NO
accounts|note|NULL|NULL|NULL|NULL|NULL|NULL|NULL|NULL|NULL|t|pg_catalog|text|NULL|NULL|NULL|NULL|8|NO
accounts|ratio|NULL|NULL|NULL|NULL|NULL|NULL|NULL|NULL|NULL|t|pg_catalog|float8|NULL|NULL|NULL|NULL|9|NO
accounts|small|NULL|NULL|NULL|NULL|NULL|NULL|NULL|NULL|NULL|t|pg_catalog|int2|NULL|NULL|NULL|NULL|10|NO
accounts|r|NULL|NULL|NULL|NULL|NULL|NULL|NULL|NULL|NULL|t|pg_catalog|float4|NULL|NULL|NULL|NULL|11|NO
accounts|starts|NULL|NULL|NULL|NULL|NULL|NULL|NULL|NULL|NULL|t|pg_catalog|time|NULL|NULL|NULL|NULL|12|NO
notes|body|NULL|NULL|NULL|NULL|NULL|NULL|NULL|NULL|NULL|t|pg_catalog|text|NULL|NULL|NULL|NULL|1|NO
notes|n|NULL|NULL|NULL|NULL|NULL|NULL|NULL|NULL|NULL|t|pg_catalog|int4|NULL|NULL|NULL|NULL|2|NO
orders|region|NULL|NULL|NULL|NULL|NULL|NULL|NULL|NULL|NULL|t|pg_catalog|text|NULL|NULL|NULL|NULL|1|NO
orders|id|NULL|NULL|NULL|NULL|NULL|NULL|NULL|NULL|NULL|t|pg_catalog|int4|NULL|NULL|NULL|NULL|2|NO
orders|qty|NULL|NULL|NULL|NULL|NULL|NULL|NULL|NULL|NULL|t|pg_catalog|int4|NULL|NULL|NULL|NULL|3|NO

query
SELECT table_name, column_name, is_identity, identity_generation, identity_start, identity_increment, identity_maximum, identity_minimum, identity_cycle, is_generated, generation_expression, is_updatable FROM information_schema.columns WHERE table_schema = 'public' ORDER BY table_name, ordinal_position
----
accounts|id|NO|NULL|NULL|NULL|NULL|NULL|NO|NEVER|NULL|YES
accounts|name|NO|NULL|NULL|NULL|NULL|NULL|NO|NEVER|NULL|YES
accounts|balance|NO|NULL|NULL|NULL|NULL|NULL|NO|NEVER|NULL|YES
accounts|active|NO|NULL|NULL|NULL|NULL|NULL|NO|NEVER|NULL|YES
accounts|code|NO|NULL|NULL|NULL|NULL|NULL|NO|NEVER|NULL|YES
accounts|opened|NO|NULL|NULL|NULL|NULL|NULL|NO|NEVER|NULL|YES
accounts|seen|NO|NULL|NULL|NULL|NULL|NULL|NO|NEVER|NULL|YES
accounts|note|NO|NULL|NULL|NULL|NULL|NULL|NO|NEVER|NULL|YES
accounts|ratio|NO|NULL|NULL|NULL|NULL|NULL|NO|NEVER|NULL|YES
accounts|small|NO|NULL|NULL|NULL|NULL|NULL|NO|NEVER|NULL|YES
accounts|r|NO|NULL|NULL|NULL|NULL|NULL|NO|NEVER|NULL|YES
accounts|starts|NO|NULL|NULL|NULL|NULL|NULL|NO|NEVER|NULL|YES
notes|body|NO|NULL|NULL|NULL|NULL|NULL|NO|NEVER|NULL|YES
notes|n|NO|NULL|NULL|NULL|NULL|NULL|NO|NEVER|NULL|YES
orders|region|NO|NULL|NULL|NULL|NULL|NULL|NO|NEVER|NULL|YES
orders|id|NO|NULL|NULL|NULL|NULL|NULL|NO|NEVER|NULL|YES
orders|qty|NO|NULL|NULL|NULL|NULL|NULL|NO|NEVER|NULL|YES

query
SELECT catalog_name = current_database(), schema_name, default_character_set_catalog, default_character_set_schema, default_character_set_name, sql_path FROM information_schema.schemata ORDER BY schema_name
----
t|information_schema|NULL|NULL|NULL|NULL
t|pg_catalog|NULL|NULL|NULL|NULL
t|pg_toast|NULL|NULL|NULL|NULL
t|public|NULL|NULL|NULL|NULL

query
SELECT schema_name, schema_owner FROM information_schema.schemata WHERE schema_name = 'public'
----
public|pg_database_owner

query
SELECT constraint_catalog = current_database(), constraint_schema, constraint_name, table_catalog = current_database(), table_schema, table_name, constraint_type, is_deferrable, initially_deferred, enforced, nulls_distinct FROM information_schema.table_constraints WHERE table_schema = 'public' AND constraint_type <> 'CHECK' ORDER BY table_name, constraint_name
----
t|public|accounts_pkey|t|public|accounts|PRIMARY KEY|NO|NO|YES|NULL
t|public|orders_pkey|t|public|orders|PRIMARY KEY|NO|NO|YES|NULL

query
SELECT table_name, constraint_type, count(*) FROM information_schema.table_constraints WHERE table_schema = 'public' GROUP BY table_name, constraint_type ORDER BY table_name, constraint_type
----
accounts|CHECK|2
accounts|PRIMARY KEY|1
orders|CHECK|3
orders|PRIMARY KEY|1

query
SELECT count(*) FROM information_schema.table_constraints WHERE constraint_type = 'CHECK' AND table_name = 'orders' AND constraint_name LIKE '2200%not_null'
----
3

query
SELECT constraint_catalog = current_database(), constraint_schema, constraint_name, table_catalog = current_database(), table_schema, table_name, column_name, ordinal_position, position_in_unique_constraint FROM information_schema.key_column_usage WHERE table_schema = 'public' ORDER BY table_name, ordinal_position
----
t|public|accounts_pkey|t|public|accounts|id|1|NULL
t|public|orders_pkey|t|public|orders|region|1|NULL
t|public|orders_pkey|t|public|orders|id|2|NULL

query
SELECT table_catalog = current_database(), table_schema, table_name, column_name, constraint_catalog = current_database(), constraint_schema, constraint_name FROM information_schema.constraint_column_usage WHERE table_schema = 'public' ORDER BY table_name, column_name
----
t|public|accounts|id|t|public|accounts_pkey
t|public|orders|id|t|public|orders_pkey
t|public|orders|region|t|public|orders_pkey

query
SELECT k.table_name, k.column_name, k.ordinal_position FROM information_schema.table_constraints c JOIN information_schema.key_column_usage k ON c.constraint_name = k.constraint_name AND c.table_name = k.table_name WHERE c.constraint_type = 'PRIMARY KEY' AND c.table_schema = 'public' ORDER BY k.table_name, k.ordinal_position
----
accounts|id|1
orders|region|1
orders|id|2

query
SELECT count(*) FROM information_schema.views WHERE table_schema = 'public'
----
0

query
SELECT count(*) FROM information_schema.referential_constraints WHERE constraint_schema = 'public'
----
0

query
SELECT character_set_catalog, character_set_schema, character_set_name, character_repertoire, form_of_use, default_collate_catalog = current_database() FROM information_schema.character_sets
----
NULL|NULL|UTF8|UCS|UTF8|t

query
SELECT grantee = current_user, table_name, privilege_type, is_grantable, with_hierarchy FROM information_schema.table_privileges WHERE table_schema = 'public' AND table_name = 'orders' ORDER BY privilege_type
----
t|orders|DELETE|YES|NO
t|orders|INSERT|YES|NO
t|orders|REFERENCES|YES|NO
t|orders|SELECT|YES|YES
t|orders|TRIGGER|YES|NO
t|orders|TRUNCATE|YES|NO
t|orders|UPDATE|YES|NO

query
SELECT count(*) FROM information_schema.routines WHERE routine_schema = 'public'
----
0

statement ok
DROP TABLE notes

query
SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name
----
accounts
orders

statement ok
CREATE TABLE members (region TEXT NOT NULL, num INT NOT NULL, email TEXT)

statement ok
ALTER TABLE members ADD CONSTRAINT members_key PRIMARY KEY (num, region)

statement ok
ALTER TABLE members ADD CONSTRAINT members_email_key UNIQUE (email)

query
SELECT constraint_name, constraint_type, is_deferrable, initially_deferred, enforced, nulls_distinct FROM information_schema.table_constraints WHERE table_name = 'members' AND constraint_type <> 'CHECK' ORDER BY constraint_name
----
members_email_key|UNIQUE|NO|NO|YES|YES
members_key|PRIMARY KEY|NO|NO|YES|NULL

query
SELECT constraint_name, column_name, ordinal_position, position_in_unique_constraint FROM information_schema.key_column_usage WHERE table_name = 'members' ORDER BY constraint_name, ordinal_position
----
members_email_key|email|1|NULL
members_key|num|1|NULL
members_key|region|2|NULL

query
SELECT constraint_name, column_name FROM information_schema.constraint_column_usage WHERE table_name = 'members' ORDER BY constraint_name, column_name
----
members_email_key|email
members_key|num
members_key|region
