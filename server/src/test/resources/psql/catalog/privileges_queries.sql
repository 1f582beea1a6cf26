SELECT grantor, grantee, table_name, privilege_type, is_grantable, with_hierarchy FROM information_schema.table_privileges WHERE table_name = 'ledger' ORDER BY grantee, privilege_type;
REVOKE UPDATE ON ledger FROM ledger_clerk;
REVOKE SELECT ON ledger FROM PUBLIC;
GRANT DELETE ON ledger TO ledger_readers;
SELECT grantor, grantee, table_name, privilege_type, is_grantable, with_hierarchy FROM information_schema.table_privileges WHERE table_name = 'ledger' AND grantee <> 'tester' ORDER BY grantee, privilege_type;
SELECT table_name, privilege_type FROM information_schema.table_privileges WHERE grantee = 'PUBLIC' AND table_schema = 'public' ORDER BY 1, 2;
