SELECT id, sku, price FROM app.item ORDER BY id;
SELECT i.sku, s.qty FROM app.item i JOIN app.stock s ON s.item_id = i.id ORDER BY i.sku;
SELECT * FROM note;
SELECT n.nspname, pg_get_userbyid(n.nspowner) FROM pg_namespace n WHERE n.nspname IN ('app', 'public') ORDER BY 1;
SELECT n.nspname, c.relname, c.relkind, pg_get_userbyid(c.relowner) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname IN ('app', 'public') AND c.relname IN ('item', 'stock', 'note', 'item_pkey', 'stock_pkey', 'item_sku') ORDER BY 1, 2;
SELECT obj_description('app.item'::regclass, 'pg_class');
SELECT grantee, table_schema, table_name, privilege_type FROM information_schema.table_privileges WHERE grantee = 'shop_reader' AND table_schema = 'app' ORDER BY table_name;
