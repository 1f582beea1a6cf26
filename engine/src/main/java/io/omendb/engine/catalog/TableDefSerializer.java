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

  private TableDefSerializer() {}

  static byte[] write(TableDef def) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      DataOutputStream out = new DataOutputStream(bytes);
      out.writeByte(FORMAT_V1);
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
      out.writeShort(pk.length);
      for (int k : pk) {
        out.writeShort(k);
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
      out.writeByte(FORMAT_V1);
      out.writeInt(def.id());
      out.writeUTF(def.name());
      out.writeUTF(def.tableName());
      int[] columns = def.columns();
      out.writeShort(columns.length);
      for (int c : columns) {
        out.writeShort(c);
      }
      out.writeBoolean(def.unique());
      out.flush();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static IndexDef readIndex(byte[] bytes) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      int format = in.readByte();
      if (format != FORMAT_V1) {
        throw new IllegalStateException("unknown index definition format " + format);
      }
      int id = in.readInt();
      String name = in.readUTF();
      String tableName = in.readUTF();
      int[] columns = new int[in.readShort()];
      for (int i = 0; i < columns.length; i++) {
        columns[i] = in.readShort();
      }
      return new IndexDef(id, name, tableName, columns, in.readBoolean());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static TableDef read(byte[] bytes) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      int format = in.readByte();
      if (format != FORMAT_V1) {
        throw new IllegalStateException("unknown table definition format " + format);
      }
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
      int[] pk = new int[in.readShort()];
      for (int i = 0; i < pk.length; i++) {
        pk[i] = in.readShort();
      }
      return new TableDef(id, name, columns, pk);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
