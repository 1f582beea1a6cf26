# Joins of every kind over two small tables with NULLs and unmatched rows on both sides.

statement ok
CREATE TABLE dept (id INT PRIMARY KEY, name TEXT NOT NULL)

statement ok
CREATE TABLE emp (id INT PRIMARY KEY, name TEXT NOT NULL, dept_id INT, boss_id INT)

statement ok
INSERT INTO dept VALUES (1, 'eng'), (2, 'ops'), (3, 'empty')

statement ok
INSERT INTO emp VALUES (1, 'ann', 1, NULL), (2, 'bob', 1, 1), (3, 'cid', 2, 1), (4, 'dee', NULL, 2), (5, 'eve', 9, 3)

query
SELECT e.name, d.name FROM emp e INNER JOIN dept d ON e.dept_id = d.id ORDER BY e.id
----
ann|eng
bob|eng
cid|ops

query
SELECT e.name, d.name FROM emp e LEFT JOIN dept d ON e.dept_id = d.id ORDER BY e.id
----
ann|eng
bob|eng
cid|ops
dee|NULL
eve|NULL

query
SELECT e.name, d.name FROM emp e RIGHT JOIN dept d ON e.dept_id = d.id ORDER BY d.id, e.id
----
ann|eng
bob|eng
cid|ops
NULL|empty

query
SELECT e.name, d.name FROM emp e FULL OUTER JOIN dept d ON e.dept_id = d.id ORDER BY e.id NULLS LAST, d.id
----
ann|eng
bob|eng
cid|ops
dee|NULL
eve|NULL
NULL|empty

query
SELECT e.name, d.name FROM emp e CROSS JOIN dept d WHERE e.id <= 2 ORDER BY e.id, d.id
----
ann|eng
ann|ops
ann|empty
bob|eng
bob|ops
bob|empty

query
SELECT count(*) FROM emp, dept
----
15

query
SELECT e.name, b.name AS boss FROM emp e JOIN emp b ON e.boss_id = b.id ORDER BY e.id
----
bob|ann
cid|ann
dee|bob
eve|cid

query
SELECT e.name, b.name AS boss, d.name FROM emp e LEFT JOIN emp b ON e.boss_id = b.id LEFT JOIN dept d ON b.dept_id = d.id ORDER BY e.id
----
ann|NULL|NULL
bob|ann|eng
cid|ann|eng
dee|bob|eng
eve|cid|ops

statement ok
CREATE TABLE loc (dept_id INT PRIMARY KEY, city TEXT)

statement ok
INSERT INTO loc VALUES (1, 'oslo'), (2, 'rome')

query
SELECT e.name, l.city FROM emp e JOIN loc l USING (dept_id) ORDER BY e.id
----
ann|oslo
bob|oslo
cid|rome

query
SELECT dept_id, e.name, l.city FROM emp e LEFT JOIN loc l USING (dept_id) ORDER BY e.id
----
1|ann|oslo
1|bob|oslo
2|cid|rome
NULL|dee|NULL
9|eve|NULL

query
SELECT dept_id, city FROM loc NATURAL JOIN (SELECT dept_id, name FROM emp) AS x ORDER BY name
----
1|oslo
1|oslo
2|rome

query
SELECT e.name FROM emp e LEFT JOIN dept d ON e.dept_id = d.id WHERE d.id IS NULL ORDER BY e.name
----
dee
eve

query
SELECT d.name, e.name FROM dept d LEFT JOIN emp e ON e.dept_id = d.id AND e.name <> 'bob' ORDER BY d.id, e.name
----
eng|ann
ops|cid
empty|NULL

query
SELECT e.name, d.name FROM emp e JOIN dept d ON e.dept_id < d.id WHERE e.id = 1 ORDER BY d.id
----
ann|ops
ann|empty
