package io.omendb.engine.catalog;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Binary persistence of a {@link ViewDef}; column types are stored by name, as in table definitions. */
final class ViewSerializer {
  private static final int FORMAT_V1 = 1;

  private ViewSerializer() {}

  static byte[] write(ViewDef def) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      DataOutputStream out = new DataOutputStream(bytes);
      out.writeByte(FORMAT_V1);
      out.writeInt(def.id());
      out.writeUTF(def.name());
      writeLongString(out, def.query());
      out.writeInt(def.columns().size());
      for (ColumnDef column : def.columns()) {
        out.writeUTF(column.name());
        out.writeUTF(column.type().name());
        out.writeInt(column.precision());
        out.writeInt(column.scale());
        out.writeBoolean(column.nullable());
      }
      out.writeInt(def.dependsOn().size());
      for (int id : def.dependsOn()) {
        out.writeInt(id);
      }
      out.flush();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ViewDef read(byte[] bytes) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      int format = in.readByte();
      if (format != FORMAT_V1) {
        throw new IllegalStateException("unknown view definition format " + format);
      }
      int id = in.readInt();
      String name = in.readUTF();
      String query = readLongString(in);
      int count = in.readInt();
      List<ColumnDef> columns = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        String column = in.readUTF();
        ColumnType type = ColumnType.valueOf(in.readUTF());
        int precision = in.readInt();
        int scale = in.readInt();
        boolean nullable = in.readBoolean();
        columns.add(ColumnDef.create(column, type).withPrecision(precision, scale).withNullable(nullable));
      }
      int dependencies = in.readInt();
      List<Integer> dependsOn = new ArrayList<>(dependencies);
      for (int i = 0; i < dependencies; i++) {
        dependsOn.add(in.readInt());
      }
      return new ViewDef(id, name, columns, query, dependsOn);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A string of any length (writeUTF stops at 64 KiB of modified UTF-8): its UTF-8 length, then the bytes. */
  private static void writeLongString(DataOutputStream out, String text) throws IOException {
    byte[] utf8 = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    out.writeInt(utf8.length);
    out.write(utf8);
  }

  private static String readLongString(DataInputStream in) throws IOException {
    byte[] utf8 = new byte[in.readInt()];
    in.readFully(utf8);
    return new String(utf8, java.nio.charset.StandardCharsets.UTF_8);
  }
}
