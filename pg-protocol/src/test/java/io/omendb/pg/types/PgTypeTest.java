package io.omendb.pg.types;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Types;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** OIDs and lengths match {@code pg_type}; JDBC types map to the PostgreSQL type pgjdbc would report them as. */
class PgTypeTest {

  @Test
  void oids_matchPgType() {
    assertThat(PgType.BOOL.oid()).isEqualTo(16);
    assertThat(PgType.BYTEA.oid()).isEqualTo(17);
    assertThat(PgType.INT8.oid()).isEqualTo(20);
    assertThat(PgType.INT2.oid()).isEqualTo(21);
    assertThat(PgType.INT4.oid()).isEqualTo(23);
    assertThat(PgType.TEXT.oid()).isEqualTo(25);
    assertThat(PgType.FLOAT4.oid()).isEqualTo(700);
    assertThat(PgType.FLOAT8.oid()).isEqualTo(701);
    assertThat(PgType.VARCHAR.oid()).isEqualTo(1043);
    assertThat(PgType.DATE.oid()).isEqualTo(1082);
    assertThat(PgType.TIME.oid()).isEqualTo(1083);
    assertThat(PgType.TIMESTAMP.oid()).isEqualTo(1114);
    assertThat(PgType.NUMERIC.oid()).isEqualTo(1700);
  }

  @Test
  void fromOid_findsEveryType() {
    Arrays.stream(PgType.values()).forEach(t -> assertThat(PgType.fromOid(t.oid())).isSameAs(t));
    assertThat(PgType.fromOid(99999)).isNull();
  }

  @Test
  void fromJdbcType_mapsCommonTypes() {
    assertThat(PgType.fromJdbcType(Types.BOOLEAN)).isEqualTo(PgType.BOOL);
    assertThat(PgType.fromJdbcType(Types.TINYINT)).isEqualTo(PgType.INT2);
    assertThat(PgType.fromJdbcType(Types.SMALLINT)).isEqualTo(PgType.INT2);
    assertThat(PgType.fromJdbcType(Types.INTEGER)).isEqualTo(PgType.INT4);
    assertThat(PgType.fromJdbcType(Types.BIGINT)).isEqualTo(PgType.INT8);
    assertThat(PgType.fromJdbcType(Types.REAL)).isEqualTo(PgType.FLOAT4);
    assertThat(PgType.fromJdbcType(Types.DOUBLE)).isEqualTo(PgType.FLOAT8);
    assertThat(PgType.fromJdbcType(Types.FLOAT)).isEqualTo(PgType.FLOAT8);
    assertThat(PgType.fromJdbcType(Types.DECIMAL)).isEqualTo(PgType.NUMERIC);
    assertThat(PgType.fromJdbcType(Types.VARCHAR)).isEqualTo(PgType.VARCHAR);
    assertThat(PgType.fromJdbcType(Types.CHAR)).isEqualTo(PgType.BPCHAR);
    assertThat(PgType.fromJdbcType(Types.VARBINARY)).isEqualTo(PgType.BYTEA);
    assertThat(PgType.fromJdbcType(Types.DATE)).isEqualTo(PgType.DATE);
    assertThat(PgType.fromJdbcType(Types.TIME)).isEqualTo(PgType.TIME);
    assertThat(PgType.fromJdbcType(Types.TIMESTAMP)).isEqualTo(PgType.TIMESTAMP);
    assertThat(PgType.fromJdbcType(Types.OTHER)).isEqualTo(PgType.TEXT);
  }

  @Test
  void typeModifier_followsPostgresEncoding() {
    assertThat(PgType.VARCHAR.typeModifier(10, -1)).isEqualTo(14);
    assertThat(PgType.NUMERIC.typeModifier(10, 2)).isEqualTo((10 << 16 | 2) + 4);
    assertThat(PgType.INT4.typeModifier(10, 0)).isEqualTo(PgType.NO_TYPE_MODIFIER);
    assertThat(PgType.VARCHAR.typeModifier(-1, -1)).isEqualTo(PgType.NO_TYPE_MODIFIER);
    assertThat(PgType.VARCHAR.typeModifier(Integer.MAX_VALUE, -1)).isEqualTo(PgType.NO_TYPE_MODIFIER);
  }

  @Test
  void lengths_matchTyplen() {
    assertThat(PgType.INT4.length()).isEqualTo((short) 4);
    assertThat(PgType.TEXT.length()).isEqualTo((short) -1);
    assertThat(PgType.BOOL.length()).isEqualTo((short) 1);
  }

  @Test
  void fromSqlType_namesUuidAndArraysByTheirSqlTypeName() {
    assertThat(PgType.fromSqlType(Types.OTHER, "UUID")).isSameAs(PgType.UUID);
    assertThat(PgType.fromSqlType(Types.ARRAY, "INTEGER ARRAY")).isSameAs(PgType.INT4_ARRAY);
    assertThat(PgType.fromSqlType(Types.ARRAY, "BIGINT ARRAY")).isSameAs(PgType.INT8_ARRAY);
    assertThat(PgType.fromSqlType(Types.ARRAY, "VARCHAR ARRAY")).isSameAs(PgType.TEXT_ARRAY);
    assertThat(PgType.fromSqlType(Types.ARRAY, "UUID ARRAY")).isSameAs(PgType.UUID_ARRAY);
    assertThat(PgType.fromSqlType(Types.ARRAY, "DECIMAL(38, 0) ARRAY")).isSameAs(PgType.NUMERIC_ARRAY);
    assertThat(PgType.fromSqlType(Types.ARRAY, "CHAR(3) ARRAY")).isSameAs(PgType.TEXT_ARRAY);
    assertThat(PgType.fromSqlType(Types.ARRAY, "INTEGER ARRAY ARRAY")).isSameAs(PgType.TEXT);
    assertThat(PgType.fromSqlType(Types.INTEGER, "INTEGER")).isSameAs(PgType.INT4);
  }

  @Test
  void arrayTypes_matchPgTypeAndTheirElements() {
    // typarray of each element type in PostgreSQL 15's pg_type
    assertThat(PgType.INT4_ARRAY.oid()).isEqualTo(1007);
    assertThat(PgType.TEXT_ARRAY.oid()).isEqualTo(1009);
    assertThat(PgType.INT8_ARRAY.oid()).isEqualTo(1016);
    assertThat(PgType.UUID_ARRAY.oid()).isEqualTo(2951);
    Arrays.stream(PgType.values()).filter(t -> t.element() != null)
        .forEach(t -> assertThat(PgType.arrayOf(t.element())).isSameAs(t));
    assertThat(PgType.INT4.element()).isNull();
    assertThat(PgType.INT4_ARRAY.jdbcType()).isEqualTo(Types.OTHER);
  }
}
