package io.omendb.server;

import io.omendb.pg.tls.CertificateGenerator;
import io.omendb.pg.tls.CertificateGenerator.Generated;
import io.omendb.pg.tls.CertificateGenerator.KeyFormat;
import io.omendb.pg.tls.CertificateGenerator.KeyType;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code omendb gen-cert}: writes a local CA and a server certificate signed by it, and says how to use them.
 */
final class GenCertCommand {
  static final Path DEFAULT_DIR = Path.of("certs");
  static final List<String> DEFAULT_HOSTS = List.of("localhost", "127.0.0.1", "::1");

  private GenCertCommand() {}

  /** Parses the options, writes the files and prints what to do next; returns the exit status. */
  static int run(List<String> args, PrintStream out, PrintStream err) {
    Path dir = DEFAULT_DIR;
    List<String> hosts = new ArrayList<>();
    KeyType keyType = KeyType.EC;
    for (int i = 0; i < args.size(); i++) {
      String flag = args.get(i);
      String value = Main.valueOf(args, i++, flag);
      switch (flag) {
        case "--dir" -> dir = Path.of(value);
        case "--host" -> hosts.add(value);
        case "--key-type" -> keyType = parseKeyType(value);
        default -> throw new IllegalArgumentException("unknown option " + flag);
      }
    }
    if (hosts.isEmpty()) {
      hosts.addAll(DEFAULT_HOSTS);
    }
    Generated files;
    try {
      files = new CertificateGenerator(new SecureRandom()).generate(dir, hosts, keyType, KeyFormat.PKCS8);
    } catch (FileAlreadyExistsException e) {
      err.println("omendb: gen-cert: refusing to overwrite " + e.getMessage());
      return 1;
    } catch (IOException e) {
      err.println("omendb: gen-cert: " + e.getMessage());
      return 1;
    }
    out.println("wrote a local CA and a server certificate for " + String.join(", ", hosts) + ":");
    out.println("  " + files.caCertificate() + "      give this to clients (psql and pgjdbc: sslrootcert=...)");
    out.println("  " + files.caKey() + "      keep offline or delete: it can sign certificates clients trust");
    out.println("  " + files.serverCertificate() + "  --tls-cert");
    out.println("  " + files.serverKey() + "  --tls-key (readable by its owner only)");
    out.println("start the server with:");
    out.println("  omendb start --tls-cert " + files.serverCertificate() + " --tls-key " + files.serverKey());
    out.println("connect with:");
    out.println("  psql \"host=" + hosts.get(0) + " port=" + ServerConfig.DEFAULT_PG_PORT
        + " sslmode=verify-full sslrootcert=" + files.caCertificate() + "\"");
    return 0;
  }

  private static KeyType parseKeyType(String value) {
    try {
      return KeyType.valueOf(value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--key-type must be ec or rsa: " + value);
    }
  }
}
