package io.omendb.engine.catalog;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Binary persistence of {@link TableDef}s and {@link IndexDef}s; types are stored by name so the enum may be reordered. */
final class TableDefSerializer {
  private static final int FORMAT_V1 = 1;
  /** V1 plus, for a table, its row layout and primary key name; for an index, whether it backs a constraint. */
  private static final int FORMAT_V2 = 2;

  private TableDefSerializer() {}

  static byte[] write(TableDef def) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      DataOutputStream out = new DataOutputStream(bytes);
      out.writeByte(FORMAT_V2);
      out.writeInt(def.id());
      out.writeUTF(def.name());
      out.writeShort(def.columns().size());
      for (ColumnDef column : def.columns()) {
        out.writeUTF(column.name());
        out.writeUTF(column.type().name());
        out.writeInt(column.precision());
        out.writeInt(column.scale());
        out.writeBoolean(column.nullable());
        out.writeBoolean(column.defaultExpression() != null);
        if (column.defaultExpression() != null) {
          out.writeUTF(column.defaultExpression());
        }
      }
      int[] pk = def.primaryKey();
      writeColumnIndexes(out, pk);
      RowLayout layout = def.layout();
      out.writeShort(layout.slotTypes().size());
      for (ColumnType type : layout.slotTypes()) {
        out.writeUTF(type.name());
      }
      writeColumnIndexes(out, layout.slots());
      out.writeBoolean(def.primaryKeyName() != null);
      if (def.primaryKeyName() != null) {
        out.writeUTF(def.primaryKeyName());
      }
      out.flush();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] write(IndexDef def) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      DataOutputStream out = new DataOutputStream(bytes);
      out.writeByte(FORMAT_V2);
      out.writeInt(def.id());
      out.writeUTF(def.name());
      out.writeUTF(def.tableName());
      writeColumnIndexes(out, def.columns());
      out.writeBoolean(def.unique());
      out.writeBoolean(def.constraint());
      out.flush();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static IndexDef readIndex(byte[] bytes) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      int format = checkFormat(in, "index");
      int id = in.readInt();
      String name = in.readUTF();
      String tableName = in.readUTF();
      int[] columns = readColumnIndexes(in);
      boolean unique = in.readBoolean();
      boolean constraint = format >= FORMAT_V2 && in.readBoolean();
      return new IndexDef(id, name, tableName, columns, unique, constraint);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static TableDef read(byte[] bytes) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      int format = checkFormat(in, "table");
      int id = in.readInt();
      String name = in.readUTF();
      int columnCount = in.readShort();
      List<ColumnDef> columns = new ArrayList<>(columnCount);
      for (int i = 0; i < columnCount; i++) {
        String columnName = in.readUTF();
        ColumnType type = ColumnType.valueOf(in.readUTF());
        int precision = in.readInt();
        int scale = in.readInt();
        boolean nullable = in.readBoolean();
        String defaultExpression = in.readBoolean() ? in.readUTF() : null;
        columns.add(new ColumnDef(columnName, type, precision, scale, nullable, defaultExpression));
      }
      int[] pk = readColumnIndexes(in);
      if (format < FORMAT_V2) {
        return new TableDef(id, name, columns, pk);
      }
      List<ColumnType> slotTypes = new ArrayList<>();
      int slotCount = in.readShort();
      for (int i = 0; i < slotCount; i++) {
        slotTypes.add(ColumnType.valueOf(in.readUTF()));
      }
      RowLayout layout = new RowLayout(slotTypes, readColumnIndexes(in));
      String primaryKeyName = in.readBoolean() ? in.readUTF() : null;
      return new TableDef(id, name, columns, pk, layout, primaryKeyName);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int checkFormat(DataInputStream in, String what) throws IOException {
    int format = in.readByte();
    if (format != FORMAT_V1 && format != FORMAT_V2) {
      throw new IllegalStateException("unknown " + what + " definition format " + format);
    }
    return format;
  }

  private static void writeColumnIndexes(DataOutputStream out, int[] columns) throws IOException {
    out.writeShort(columns.length);
    for (int c : columns) {
      out.writeShort(c);
    }
  }

  private static int[] readColumnIndexes(DataInputStream in) throws IOException {
    int[] columns = new int[in.readShort()];
    for (int i = 0; i < columns.length; i++) {
      columns[i] = in.readShort();
    }
    return columns;
  }
}
