"""psycopg2 battery against OmenDB: every type in a parameterised insert/select, transactions, errors with SQLSTATE.

Usage: python3 psycopg2_battery.py PORT. Prints one line per check and exits non-zero on the first failure.
psycopg2 interpolates parameters on the client and sends simple queries. Its own adaptation of date, time,
timestamp and bytea values appends PostgreSQL casts ('...'::date), which the SQL surface does not parse yet, so those
are passed as strings and checked as the typed values psycopg2 reads back; bytea is read back only.
"""
import datetime
import decimal
import sys
import uuid

import psycopg2
import psycopg2.errors
import psycopg2.extras


def check(name, actual, expected):
    if actual != expected:
        print(f"FAIL {name}: {actual!r} != {expected!r}")
        sys.exit(1)
    print(f"ok {name}")


def main(port):
    conn = psycopg2.connect(host="127.0.0.1", port=port, user="tester", dbname="omendb", connect_timeout=10)
    conn.autocommit = True
    cur = conn.cursor()
    cur.execute("CREATE TABLE typed (id INT PRIMARY KEY, b BOOLEAN, s SMALLINT, l BIGINT, r REAL, d DOUBLE,"
                " n DECIMAL(12, 3), v VARCHAR(30), y BYTEA, dt DATE, tm TIME, ts TIMESTAMP)")
    row = (1, True, -2, 1 << 40, 1.5, 0.1, decimal.Decimal("-12345.678"), "grüße it's")
    temporal = ("2024-02-29", "10:11:12", "2024-02-29 10:11:12")
    cur.execute("INSERT INTO typed (id, b, s, l, r, d, n, v, dt, tm, ts)"
                " VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)", row + temporal)
    check("insert rowcount", cur.rowcount, 1)
    cur.execute("INSERT INTO typed (id) VALUES (%s)", (2,))
    cur.execute("SELECT id, b, s, l, r, d, n, v, dt, tm, ts FROM typed WHERE id = %s", (1,))
    check("select every type", cur.fetchone(), row + (datetime.date(2024, 2, 29), datetime.time(10, 11, 12),
                                                      datetime.datetime(2024, 2, 29, 10, 11, 12)))
    cur.execute("SELECT y FROM typed WHERE id = %s", (1,))
    check("select null bytea", cur.fetchone(), (None,))
    cur.execute("SELECT b, s, l, r, d, n, v, y, dt, tm, ts FROM typed WHERE id = %(id)s", {"id": 2})
    check("select nulls", cur.fetchone(), (None,) * 11)

    # psycopg2 reads uuid as text unless told to adapt it; register_uuid sends uuid.UUID as '...'::uuid
    psycopg2.extras.register_uuid(conn_or_curs=cur)
    key = uuid.UUID("f0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11")
    cur.execute("CREATE TABLE ids (id UUID PRIMARY KEY, other UUID)")
    cur.execute("INSERT INTO ids VALUES (%s, %s), (%s, NULL)", (key, uuid.UUID(int=1), uuid.UUID(int=2)))
    cur.execute("SELECT id, other FROM ids WHERE id = %s", (key,))
    check("uuid round trip", cur.fetchone(), (key, uuid.UUID(int=1)))
    cur.execute("SELECT id FROM ids WHERE other IS NULL")
    check("uuid null", cur.fetchone(), (uuid.UUID(int=2),))

    conn.autocommit = False
    cur.execute("INSERT INTO typed (id) VALUES (10)")
    conn.commit()
    cur.execute("INSERT INTO typed (id) VALUES (11)")
    conn.rollback()
    cur.execute("SELECT id FROM typed WHERE id >= 10 ORDER BY id")
    check("commit and rollback", cur.fetchall(), [(10,)])
    conn.commit()

    try:
        cur.execute("INSERT INTO typed (id) VALUES (1)")
        check("duplicate key raises", False, True)
    except psycopg2.errors.UniqueViolation as e:
        check("duplicate key sqlstate", e.pgcode, "23505")
    try:
        cur.execute("SELECT 1")
        check("failed transaction refuses", False, True)
    except psycopg2.errors.InFailedSqlTransaction as e:
        check("failed transaction sqlstate", e.pgcode, "25P02")
    conn.rollback()
    try:
        cur.execute("SELECT * FROM missing")
    except psycopg2.errors.UndefinedTable as e:
        check("undefined table sqlstate", e.pgcode, "42P01")
    conn.rollback()
    cur.execute("SELECT count(*) FROM typed")
    check("usable after errors", cur.fetchone(), (3,))
    conn.close()
    print("ALL OK")


if __name__ == "__main__":
    main(int(sys.argv[1]))
