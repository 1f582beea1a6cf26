package io.omendb.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * pgjdbc's DatabaseMetaData against the server: the catalog queries pgjdbc sends (captured against PostgreSQL 15
 * with statement logging) run on our pg_catalog, and the results are those PostgreSQL 15 returned for the same
 * schema, through the extended query protocol pgjdbc uses by default. getPrimaryKeys, getIndexInfo and
 * getBestRowIdentifier run pgjdbc's queries over {@code information_schema._pg_expandarray(i.indkey)}.
 */
class PgjdbcMetadataIT {
  @TempDir Path dataDir;
  private OmenServer server;
  private Connection connection;

  @BeforeEach
  void start() throws Exception {
    server = new OmenServer(new ServerConfig(dataDir, InetAddress.getLoopbackAddress(), 0, -1)
        .withSecurity(SecurityOptions.loopbackTrust()));
    server.start();
    Properties properties = new Properties();
    properties.setProperty("user", "tester");
    connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + server.pgPort() + "/omendb",
        properties);
    try (Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE accounts (id BIGINT PRIMARY KEY, name VARCHAR(40) NOT NULL, "
          + "balance DOUBLE PRECISION DEFAULT 0, active BOOLEAN)");
      statement.execute("CREATE TABLE orders (order_id INTEGER PRIMARY KEY, account_id BIGINT NOT NULL, note TEXT, "
          + "qty INTEGER DEFAULT 1)");
      statement.execute("CREATE INDEX orders_account ON orders (account_id)");
    }
  }

  @AfterEach
  void stop() throws SQLException {
    if (connection != null) {
      connection.close();
    }
    if (server != null) {
      server.close();
    }
  }

  private static List<String> rows(ResultSet resultSet, String... columns) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (resultSet) {
      while (resultSet.next()) {
        List<String> values = new ArrayList<>();
        for (String column : columns) {
          values.add(resultSet.getString(column));
        }
        rows.add(String.join("|", values));
      }
    }
    return rows;
  }

  @Test
  void getTables_listsTablesOfPublic() throws SQLException {
    DatabaseMetaData meta = connection.getMetaData();
    assertThat(rows(meta.getTables(null, "public", "%", new String[] {"TABLE"}),
        "TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "TABLE_TYPE", "REMARKS"))
        .containsExactly("omendb|public|accounts|TABLE|null", "omendb|public|orders|TABLE|null");
  }

  @Test
  void getColumns_typesSizesNullabilityDefaults() throws SQLException {
    DatabaseMetaData meta = connection.getMetaData();
    // as PostgreSQL 15 answered for the same table
    assertThat(rows(meta.getColumns(null, "public", "accounts", "%"), "TABLE_NAME", "COLUMN_NAME", "DATA_TYPE",
        "TYPE_NAME", "COLUMN_SIZE", "DECIMAL_DIGITS", "NULLABLE", "COLUMN_DEF", "ORDINAL_POSITION", "IS_NULLABLE"))
        .containsExactly(
            "accounts|id|" + Types.BIGINT + "|int8|19|0|0|null|1|NO",
            "accounts|name|" + Types.VARCHAR + "|varchar|40|0|0|null|2|NO",
            "accounts|balance|" + Types.DOUBLE + "|float8|17|17|1|0|3|YES",
            "accounts|active|" + Types.BIT + "|bool|1|0|1|null|4|YES");
  }

  @Test
  void getSchemas_listsPublicAndTheCatalogSchemas() throws SQLException {
    DatabaseMetaData meta = connection.getMetaData();
    assertThat(rows(meta.getSchemas(), "TABLE_SCHEM", "TABLE_CATALOG"))
        .containsExactly("information_schema|omendb", "pg_catalog|omendb", "public|omendb");
  }

  @Test
  void getSchemasAndTables_schemaPatternSeparatesSchemas() throws SQLException {
    Properties admin = new Properties();
    admin.setProperty("user", AdminConfig.DEFAULT_USER);
    try (Connection superuser = DriverManager.getConnection(
        "jdbc:postgresql://127.0.0.1:" + server.pgPort() + "/omendb", admin);
        Statement statement = superuser.createStatement()) {
      statement.execute("CREATE SCHEMA app");
    }
    try (Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE app.items (id INTEGER PRIMARY KEY, label TEXT NOT NULL)");
      statement.execute("CREATE TABLE app.accounts (id BIGINT PRIMARY KEY)");
    }
    DatabaseMetaData meta = connection.getMetaData();
    assertThat(rows(meta.getSchemas(), "TABLE_SCHEM"))
        .containsExactly("app", "information_schema", "pg_catalog", "public");
    assertThat(rows(meta.getSchemas(null, "a%"), "TABLE_SCHEM")).containsExactly("app");
    assertThat(rows(meta.getTables(null, "app", "%", new String[] {"TABLE"}), "TABLE_SCHEM", "TABLE_NAME"))
        .containsExactly("app|accounts", "app|items");
    assertThat(rows(meta.getTables(null, "public", "%", new String[] {"TABLE"}), "TABLE_SCHEM", "TABLE_NAME"))
        .containsExactly("public|accounts", "public|orders");
    assertThat(rows(meta.getColumns(null, "app", "items", "%"), "TABLE_SCHEM", "COLUMN_NAME", "TYPE_NAME",
        "IS_NULLABLE")).containsExactly("app|id|int4|NO", "app|label|text|NO");
    assertThat(rows(meta.getPrimaryKeys(null, "app", "accounts"), "TABLE_SCHEM", "COLUMN_NAME", "PK_NAME"))
        .containsExactly("app|id|accounts_pkey");
  }

  /** A composite primary key, a unique and a non-unique two-column index, and a table keyed by a row id. */
  private void createKeyedTables() throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE shipments (region TEXT, id INT, amount NUMERIC(10,2), PRIMARY KEY (region, id))");
      statement.execute("CREATE TABLE items (sku TEXT PRIMARY KEY, name VARCHAR(40) NOT NULL, price INT)");
      statement.execute("CREATE UNIQUE INDEX items_name ON items (name)");
      statement.execute("CREATE INDEX items_price ON items (price, sku)");
      statement.execute("CREATE TABLE notes (body TEXT, n INT)");
    }
  }

  @Test
  void getPrimaryKeys_compositeKeyInKeyOrder() throws SQLException {
    createKeyedTables();
    DatabaseMetaData meta = connection.getMetaData();
    String[] columns = {"TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "COLUMN_NAME", "KEY_SEQ", "PK_NAME"};
    // as PostgreSQL 15 answered for the same tables
    assertThat(rows(meta.getPrimaryKeys(null, "public", "shipments"), columns)).containsExactly(
        "omendb|public|shipments|region|1|shipments_pkey",
        "omendb|public|shipments|id|2|shipments_pkey");
    assertThat(rows(meta.getPrimaryKeys(null, "public", "items"), columns))
        .containsExactly("omendb|public|items|sku|1|items_pkey");
    assertThat(rows(meta.getPrimaryKeys(null, "public", "notes"), columns)).isEmpty();
  }

  @Test
  void getIndexInfo_uniqueAndNonUniqueIndexesByColumn() throws SQLException {
    createKeyedTables();
    DatabaseMetaData meta = connection.getMetaData();
    String[] columns = {"TABLE_NAME", "NON_UNIQUE", "INDEX_QUALIFIER", "INDEX_NAME", "TYPE", "ORDINAL_POSITION",
        "COLUMN_NAME", "ASC_OR_DESC", "FILTER_CONDITION"};
    // as PostgreSQL 15 answered for the same tables (CARDINALITY and PAGES are statistics, not compared)
    assertThat(rows(meta.getIndexInfo(null, "public", "items", false, false), columns)).containsExactly(
        "items|f|null|items_name|3|1|name|A|null",
        "items|f|null|items_pkey|3|1|sku|A|null",
        "items|t|null|items_price|3|1|price|A|null",
        "items|t|null|items_price|3|2|sku|A|null");
    assertThat(rows(meta.getIndexInfo(null, "public", "items", true, false), columns)).containsExactly(
        "items|f|null|items_name|3|1|name|A|null",
        "items|f|null|items_pkey|3|1|sku|A|null");
    assertThat(rows(meta.getIndexInfo(null, "public", "shipments", false, false), columns)).containsExactly(
        "shipments|f|null|shipments_pkey|3|1|region|A|null",
        "shipments|f|null|shipments_pkey|3|2|id|A|null");
    assertThat(rows(meta.getIndexInfo(null, "public", "notes", false, false), columns)).isEmpty();
  }

  @Test
  void getImportedAndExportedKeys_noForeignKeys() throws SQLException {
    createKeyedTables();
    DatabaseMetaData meta = connection.getMetaData();
    assertThat(rows(meta.getImportedKeys(null, "public", "shipments"), "FK_NAME")).isEmpty();
    assertThat(rows(meta.getExportedKeys(null, "public", "items"), "FK_NAME")).isEmpty();
  }

  @Test
  void getBestRowIdentifier_thePrimaryKeyColumns() throws SQLException {
    createKeyedTables();
    DatabaseMetaData meta = connection.getMetaData();
    String[] columns = {"SCOPE", "COLUMN_NAME", "DATA_TYPE", "TYPE_NAME", "COLUMN_SIZE", "DECIMAL_DIGITS",
        "PSEUDO_COLUMN"};
    // as PostgreSQL 15 answered for the same tables
    assertThat(rows(meta.getBestRowIdentifier(null, "public", "shipments", DatabaseMetaData.bestRowSession, true),
        columns)).containsExactly(
            "2|region|" + Types.VARCHAR + "|text|2147483647|0|1",
            "2|id|" + Types.INTEGER + "|int4|10|0|1");
    assertThat(rows(meta.getBestRowIdentifier(null, "public", "notes", DatabaseMetaData.bestRowSession, true),
        columns)).isEmpty();
  }

  @Test
  void getTypeInfo_describesTheBuiltInTypes() throws SQLException {
    DatabaseMetaData meta = connection.getMetaData();
    List<String> rows = rows(meta.getTypeInfo(), "TYPE_NAME", "DATA_TYPE", "PRECISION", "LITERAL_PREFIX",
        "UNSIGNED_ATTRIBUTE", "SEARCHABLE", "AUTO_INCREMENT");
    // the rows PostgreSQL 15 returned for these types
    assertThat(rows).contains(
        "bool|" + Types.BIT + "|0|'|t|3|f",
        "int8|" + Types.BIGINT + "|0|null|f|3|f",
        "bytea|" + Types.BINARY + "|0|'|t|3|f",
        "numeric|" + Types.NUMERIC + "|1000|null|f|3|f",
        "int4|" + Types.INTEGER + "|0|null|f|3|f",
        "int2|" + Types.SMALLINT + "|0|null|f|3|f",
        "float8|" + Types.DOUBLE + "|0|null|f|3|f",
        "text|" + Types.VARCHAR + "|0|'|t|3|f",
        "varchar|" + Types.VARCHAR + "|10485760|'|t|3|f",
        "date|" + Types.DATE + "|0|'|t|3|f",
        "timestamp|" + Types.TIMESTAMP + "|6|'|t|3|f",
        "_int4|" + Types.ARRAY + "|0|'|f|3|f");
  }
}
