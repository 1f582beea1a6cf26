package io.omendb.adapter;

import io.omendb.adapter.types.PgJsonType;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.avatica.ColumnMetaData;
import org.apache.calcite.jdbc.CalcitePrepare.CalciteSignature;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;

/**
 * Names the result columns of the PostgreSQL types Calcite has no type name for: Calcite's JDBC metadata calls a
 * {@code json} or {@code jsonb} column {@code OTHER}; this gives it {@code JSON} or {@code JSONB}, which the
 * front ends map to PostgreSQL's type (OID 114, 3802).
 */
final class PgResultTypes {
  private PgResultTypes() {}

  /** {@code signature}, or a copy whose JSON columns carry their type names. */
  static <T> CalciteSignature<T> named(CalciteSignature<T> signature) {
    RelDataType rowType = signature.rowType;
    if (rowType == null || !rowType.isStruct()
        || rowType.getFieldList().stream().noneMatch(f -> f.getType() instanceof PgJsonType)
        || rowType.getFieldCount() != signature.columns.size()) {
      return signature;
    }
    List<ColumnMetaData> columns = new ArrayList<>(signature.columns);
    for (RelDataTypeField field : rowType.getFieldList()) {
      if (field.getType() instanceof PgJsonType json) {
        ColumnMetaData c = columns.get(field.getIndex());
        columns.set(field.getIndex(), new ColumnMetaData(c.ordinal, c.autoIncrement, c.caseSensitive, c.searchable,
            c.currency, c.nullable, c.signed, c.displaySize, c.label, c.columnName, c.schemaName, c.precision,
            c.scale, c.tableName, c.catalogName,
            ColumnMetaData.scalar(Types.OTHER, json.kind().name(), ColumnMetaData.Rep.STRING), c.readOnly,
            c.writable, c.definitelyWritable, String.class.getName()));
      }
    }
    CalciteSignature<T> original = signature;
    return new CalciteSignature<>(signature.sql, signature.parameters, signature.internalParameters,
        signature.rowType, columns, signature.cursorFactory, signature.rootSchema, signature.getCollationList(),
        -1, original::enumerable, signature.statementType);
  }
}
