# String, math and date/time functions PostgreSQL users expect, with NULL arguments.

query
SELECT 'ab' || 'cd', 'ab' || NULL, length('hello'), char_length('hé'), lower('AbC'), upper('AbC')
----
abcd|NULL|5|2|abc|ABC

query
SELECT position('lo' IN 'hello'), substring('hello' FROM 2 FOR 3), substring('hello', 3), substr('hello', 2, 2)
----
4|ell|llo|el

query
SELECT trim('  x  '), ltrim('  xa'), rtrim('ay  '), trim(BOTH 'x' FROM 'xaxx'), trim(LEADING 'x' FROM 'xxay'), trim(TRAILING 'x' FROM 'ayxx')
----
x|xa|ay|a|ay|ay

query
SELECT replace('banana', 'an', 'AN'), split_part('a,b,c', ',', 2), split_part('a,b,c', ',', 5), regexp_replace('abc123', '[0-9]+', '#')
----
bANANa|b|(empty)|abc#

query
SELECT left('hello', 2), right('hello', 2), repeat('ab', 3), lpad('7', 3, '0'), rpad('ab', 4, '.')
----
he|lo|ababab|007|ab..

query
SELECT strpos('hello', 'l'), initcap('hello world'), md5('abc'), concat('a', NULL, 'b'), concat_ws('-', 'a', NULL, 'b')
----
3|Hello World|900150983cd24fb0d6963f7d28e17f72|ab|a-b

query
SELECT length(NULL), lower(NULL), replace(NULL, 'a', 'b'), split_part(NULL, ',', 1)
----
NULL|NULL|NULL|NULL

query
SELECT abs(-5), abs(-2.5), mod(17, 5), 17 % 5, power(2, 10), sqrt(16), ceil(2.1), floor(-2.1), sign(-3)
----
5|2.5|2|2|1024|4|3|-3|-1

query
SELECT 7 / 2, -7 / 2, 7 % 3, -7 % 3
----
3|-3|1|-1

query
SELECT random() >= 0 AND random() < 1
----
t

query
SELECT length(CAST(gen_random_uuid() AS TEXT))
----
36

query
SELECT count(DISTINCT x) FROM (SELECT gen_random_uuid() AS x FROM (VALUES (1), (2), (3)) AS v(n)) AS u
----
3

query
SELECT date_trunc('month', TIMESTAMP '2024-05-17 10:11:12'), date_trunc('hour', TIMESTAMP '2024-05-17 10:11:12'), date_trunc('year', TIMESTAMP '2024-05-17 10:11:12')
----
2024-05-01 00:00:00|2024-05-17 10:00:00|2024-01-01 00:00:00

query
SELECT date_trunc('week', TIMESTAMP '2024-05-17 10:11:12'), date_trunc('quarter', TIMESTAMP '2024-05-17 10:11:12'), date_trunc('day', CAST(NULL AS TIMESTAMP))
----
2024-05-13 00:00:00|2024-04-01 00:00:00|NULL

query
SELECT extract(year FROM TIMESTAMP '2024-05-17 10:11:12'), extract(month FROM DATE '2024-05-17'), extract(hour FROM TIMESTAMP '2024-05-17 10:11:12'), extract(doy FROM DATE '2024-05-17')
----
2024|5|10|138

query
SELECT now() = current_timestamp, now() = transaction_timestamp(), current_date = CAST(now() AS DATE)
----
t|t|t

query
SELECT to_char(TIMESTAMP '2024-05-17 10:11:12', 'YYYY-MM-DD HH24:MI:SS'), to_char(DATE '2024-01-05', 'DD Mon YYYY')
----
2024-05-17 10:11:12|05 Jan 2024

query
SELECT TIMESTAMP '2024-05-17 10:00:00' + INTERVAL '90' MINUTE
----
2024-05-17 11:30:00

query
SELECT CAST('42' AS INT) + 1, CAST('2024-05-17' AS DATE), CAST(12 AS TEXT) || 'x', CAST('true' AS BOOLEAN)
----
43|2024-05-17|12x|t
