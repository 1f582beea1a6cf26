CREATE TABLE staff (id INTEGER PRIMARY KEY, name VARCHAR(40) NOT NULL, pay NUMERIC(10,2), active BOOLEAN DEFAULT true);
CREATE VIEW staff_names AS SELECT id, name FROM staff;
CREATE VIEW well_paid (who, pay) AS SELECT name, pay FROM staff WHERE pay > 100;
