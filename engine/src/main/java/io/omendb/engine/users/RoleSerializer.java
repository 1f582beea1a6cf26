package io.omendb.engine.users;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Binary persistence of {@link Role}s and {@link TableAcl}s; privileges are stored by name so the enum may grow. */
final class RoleSerializer {
  private static final int FORMAT_V1 = 1;

  private RoleSerializer() {}

  static byte[] write(Role role) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      DataOutputStream out = new DataOutputStream(bytes);
      out.writeByte(FORMAT_V1);
      out.writeUTF(role.name());
      out.writeBoolean(role.verifier().isPresent());
      if (role.verifier().isPresent()) {
        out.writeUTF(role.verifier().get().toString());
      }
      out.writeBoolean(role.login());
      out.writeBoolean(role.superuser());
      out.writeBoolean(role.createDb());
      out.writeBoolean(role.createRole());
      out.writeInt(role.connectionLimit());
      out.writeBoolean(role.validUntil().isPresent());
      if (role.validUntil().isPresent()) {
        out.writeLong(role.validUntil().get().getEpochSecond());
        out.writeInt(role.validUntil().get().getNano());
      }
      out.writeShort(role.memberOf().size());
      for (String group : role.memberOf()) {
        out.writeUTF(group);
      }
      out.flush();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Role readRole(byte[] bytes) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      checkFormat(in, "role");
      String name = in.readUTF();
      Optional<ScramVerifier> verifier = in.readBoolean() ? Optional.of(ScramVerifier.parse(in.readUTF()))
          : Optional.empty();
      boolean login = in.readBoolean();
      boolean superuser = in.readBoolean();
      boolean createDb = in.readBoolean();
      boolean createRole = in.readBoolean();
      int connectionLimit = in.readInt();
      Optional<Instant> validUntil = in.readBoolean()
          ? Optional.of(Instant.ofEpochSecond(in.readLong(), in.readInt())) : Optional.empty();
      int groups = in.readShort();
      Set<String> memberOf = new HashSet<>();
      for (int i = 0; i < groups; i++) {
        memberOf.add(in.readUTF());
      }
      return new Role(name, verifier, login, superuser, createDb, createRole, connectionLimit, validUntil, memberOf);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] write(TableAcl acl) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      DataOutputStream out = new DataOutputStream(bytes);
      out.writeByte(FORMAT_V1);
      out.writeInt(acl.tableId());
      out.writeUTF(acl.owner());
      out.writeShort(acl.items().size());
      for (AclItem item : acl.items().values()) {
        out.writeUTF(item.grantee());
        out.writeUTF(item.grantor());
        writePrivileges(out, item.privileges());
        writePrivileges(out, item.grantable());
      }
      out.flush();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static TableAcl readAcl(byte[] bytes) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      checkFormat(in, "table ACL");
      int tableId = in.readInt();
      String owner = in.readUTF();
      int count = in.readShort();
      Map<String, AclItem> items = new HashMap<>();
      for (int i = 0; i < count; i++) {
        String grantee = in.readUTF();
        String grantor = in.readUTF();
        Set<TablePrivilege> privileges = readPrivileges(in);
        items.put(grantee, new AclItem(grantee, grantor, privileges, readPrivileges(in)));
      }
      return new TableAcl(tableId, owner, items);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void writePrivileges(DataOutputStream out, Set<TablePrivilege> privileges) throws IOException {
    out.writeByte(privileges.size());
    for (TablePrivilege privilege : EnumSet.copyOf(privileges.isEmpty()
        ? EnumSet.noneOf(TablePrivilege.class) : privileges)) {
      out.writeUTF(privilege.name());
    }
  }

  private static Set<TablePrivilege> readPrivileges(DataInputStream in) throws IOException {
    int count = in.readByte();
    EnumSet<TablePrivilege> privileges = EnumSet.noneOf(TablePrivilege.class);
    for (int i = 0; i < count; i++) {
      privileges.add(TablePrivilege.valueOf(in.readUTF()));
    }
    return privileges;
  }

  private static void checkFormat(DataInputStream in, String what) throws IOException {
    int format = in.readByte();
    if (format != FORMAT_V1) {
      throw new IllegalStateException("unknown " + what + " format " + format);
    }
  }
}
