# Relation sizes (estimates: only their relations are checked) and pg_size_pretty's formatting, for psql's \dt+ and \di+.

statement ok
CREATE TABLE t (id INT PRIMARY KEY, v TEXT)

statement ok
CREATE INDEX t_v ON t (v)

statement ok
INSERT INTO t VALUES (1, 'a'), (2, 'b')

query
SELECT pg_size_pretty(0::bigint), pg_size_pretty(10239::bigint), pg_size_pretty(10240::bigint), pg_size_pretty(20971007::bigint), pg_size_pretty(20971008::bigint)
----
0 bytes|10239 bytes|10 kB|20 MB|20 MB

query
SELECT pg_size_pretty(1099511627776::bigint), pg_size_pretty(-10240::bigint), pg_size_pretty(-1::bigint), pg_size_pretty(CAST(NULL AS BIGINT)), pg_size_pretty(1153482000000000000::bigint)
----
1024 GB|-10 kB|-1 bytes|NULL|1024 PB

query
SELECT pg_table_size('t'::regclass) >= 0, pg_relation_size('t'::regclass) >= 0, pg_indexes_size('t'::regclass) >= 0
----
t|t|t

query
SELECT pg_total_relation_size('t'::regclass) >= pg_table_size('t'::regclass), pg_relation_size('t_v'::regclass) >= 0
----
t|t

query
SELECT pg_table_size(CAST(NULL AS INT)) IS NULL, pg_size_pretty(pg_table_size('t'::regclass)) LIKE '%bytes' OR pg_size_pretty(pg_table_size('t'::regclass)) LIKE '%kB'
----
t|t
