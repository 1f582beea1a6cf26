SELECT relname, relacl FROM pg_catalog.pg_class WHERE relname = 'ledger';
SELECT rolname, rolcanlogin, rolconnlimit, rolpassword FROM pg_catalog.pg_roles WHERE rolname LIKE 'ledger%' ORDER BY 1;
SELECT usename FROM pg_catalog.pg_user WHERE usename LIKE 'ledger%';
SELECT r.rolname AS role, m.rolname AS member FROM pg_catalog.pg_auth_members a JOIN pg_catalog.pg_roles r ON r.oid = a.roleid JOIN pg_catalog.pg_roles m ON m.oid = a.member WHERE m.rolname LIKE 'ledger%';
