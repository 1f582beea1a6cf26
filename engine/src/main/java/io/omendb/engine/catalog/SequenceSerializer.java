package io.omendb.engine.catalog;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Binary persistence of a {@link SequenceDef} together with the durable bound of its position. */
final class SequenceSerializer {
  private static final int FORMAT_V1 = 1;

  /** A stored sequence: its definition and the position a restart resumes after. */
  record Stored(SequenceDef def, SequenceState state) {}

  private SequenceSerializer() {}

  static byte[] write(SequenceDef def, SequenceState state) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      DataOutputStream out = new DataOutputStream(bytes);
      out.writeByte(FORMAT_V1);
      out.writeInt(def.id());
      out.writeUTF(def.name());
      out.writeUTF(def.type().name());
      out.writeLong(def.increment());
      out.writeLong(def.minValue());
      out.writeLong(def.maxValue());
      out.writeLong(def.start());
      out.writeLong(def.cache());
      out.writeBoolean(def.cycle());
      out.writeBoolean(def.ownedByTable() != null);
      if (def.ownedByTable() != null) {
        out.writeUTF(def.ownedByTable());
        out.writeUTF(def.ownedByColumn());
      }
      out.writeUTF(def.identity().name());
      out.writeLong(state.lastValue());
      out.writeBoolean(state.isCalled());
      out.flush();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Stored read(byte[] bytes) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      int format = in.readByte();
      if (format != FORMAT_V1) {
        throw new IllegalStateException("unknown sequence definition format " + format);
      }
      int id = in.readInt();
      String name = in.readUTF();
      ColumnType type = ColumnType.valueOf(in.readUTF());
      long increment = in.readLong();
      long min = in.readLong();
      long max = in.readLong();
      long start = in.readLong();
      long cache = in.readLong();
      boolean cycle = in.readBoolean();
      String table = null;
      String column = null;
      if (in.readBoolean()) {
        table = in.readUTF();
        column = in.readUTF();
      }
      SequenceDef.Identity identity = SequenceDef.Identity.valueOf(in.readUTF());
      SequenceDef def = new SequenceDef(id, name, type, increment, min, max, start, cache, cycle, table, column,
          identity);
      return new Stored(def, new SequenceState(in.readLong(), in.readBoolean()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
