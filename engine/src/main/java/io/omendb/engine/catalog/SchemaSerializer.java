package io.omendb.engine.catalog;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Binary persistence of {@link SchemaDef}s. */
final class SchemaSerializer {
  private static final int FORMAT_V1 = 1;

  private SchemaSerializer() {}

  static byte[] write(SchemaDef def) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      DataOutputStream out = new DataOutputStream(bytes);
      out.writeByte(FORMAT_V1);
      out.writeInt(def.id());
      out.writeUTF(def.name());
      out.writeUTF(def.owner());
      out.flush();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static SchemaDef read(byte[] value) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(value))) {
      int format = in.readByte();
      if (format != FORMAT_V1) {
        throw new IllegalStateException("unknown schema definition format " + format);
      }
      return new SchemaDef(in.readInt(), in.readUTF(), in.readUTF());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
