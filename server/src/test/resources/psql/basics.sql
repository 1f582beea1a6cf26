-- The walking skeleton through psql: DDL, inserts, a filtered select, a join and a grouped aggregate.
CREATE TABLE dept (id INT PRIMARY KEY, name TEXT NOT NULL);
CREATE TABLE emp (id BIGINT, dept_id INT, salary INT DEFAULT 10, PRIMARY KEY (id));
INSERT INTO dept VALUES (1, 'eng'), (2, 'ops');
INSERT INTO emp VALUES (1, 1, 100), (2, 1, 150), (3, 2, 70);
INSERT INTO emp (id, dept_id) VALUES (4, 2);
SELECT name FROM dept WHERE id = 2;
SELECT e.id, d.name FROM emp e JOIN dept d ON e.dept_id = d.id ORDER BY e.id;
SELECT d.name, count(*), sum(e.salary) FROM emp e JOIN dept d ON e.dept_id = d.id GROUP BY d.name ORDER BY d.name;
DROP TABLE emp;
