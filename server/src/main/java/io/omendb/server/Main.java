package io.omendb.server;

import java.io.Console;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The {@code omendb} command line: {@code start} runs the server until SIGTERM or Ctrl-C, {@code shell} opens
 * sqlline, {@code version} prints the version.
 */
public final class Main {
  static final String VERSION = "0.1.0";
  private static final int PIPED_SHELL_WIDTH = 200;
  /** Where {@code omendb shell} takes the user's password from, when set; otherwise it asks on the terminal. */
  static final String SHELL_PASSWORD_ENV = "OMENDB_PASSWORD";
  private static final String USAGE = String.join("\n",
      "usage: omendb <command> [options]",
      "",
      "commands:",
      "  start     run the server (PostgreSQL protocol and Avatica) until SIGTERM or Ctrl-C",
      "  shell     interactive SQL shell (sqlline) against a running server or a data directory",
      "  gen-cert  make a local CA and a server certificate (PEM) for --tls",
      "  version   print the version",
      "",
      "start options:",
      "  --data-dir DIR        database directory (default: ./data)",
      "  --listen ADDR         address to listen on (default: 127.0.0.1)",
      "  --pg-port N           PostgreSQL protocol port (default: " + ServerConfig.DEFAULT_PG_PORT + ", 0 = any)",
      "  --avatica-port N      Avatica HTTP port (default: " + ServerConfig.DEFAULT_AVATICA_PORT
          + ", 0 = any, -1 = off)",
      "  --tls                 offer TLS on the PostgreSQL port and serve the Avatica port over HTTPS only",
      "                        (certificate and key default to server.crt and server.key in the data directory;",
      "                        the PostgreSQL port reloads them when they change or on SIGHUP)",
      "  --tls-cert FILE       PEM certificate chain, server certificate first (implies --tls)",
      "  --tls-key FILE        PEM private key: RSA or EC, PKCS#1, SEC1 or PKCS#8, unencrypted (implies --tls)",
      "  --tls-ca FILE         PEM CA certificates that client certificates must chain to (implies --tls)",
      "  --tls-required        refuse plain-text connections (implies --tls)",
      "  --hba-file FILE       pg_hba.conf-style rules: host|hostssl|hostnossl DATABASE USER ADDRESS",
      "                        trust|scram-sha-256|password|reject (default: scram-sha-256 for all)",
      "  --auth-timeout SECONDS  close clients that have not finished connecting and authenticating",
      "                        within this time (default: 60)",
      "  --admin-user NAME     superuser created on the first start (default: " + AdminConfig.DEFAULT_USER + ")",
      "  --admin-password-file FILE  its first password (else $" + AdminBootstrap.PASSWORD_ENV
          + ", else a random one",
      "                        written to DIR/" + AdminBootstrap.GENERATED_FILE + ")",
      "  --history-retention D how far back AS OF SYSTEM TIME reads may go, e.g. 90s, 15m, 1h, 2d; garbage",
      "                        collection keeps every row version a time in this window can see (default: 1h)",
      "  --row-cache SIZE      memory for recently read rows that primary-key point reads answer from, e.g. 256m,",
      "                        2g; 0 turns it off; size it to the hot rows (default: 64m)",
      "",
      "gen-cert options:",
      "  --dir DIR             where to write ca.crt, ca.key, server.crt, server.key (default: ./certs)",
      "  --host NAME           a host name or IP address clients connect to; repeatable",
      "                        (default: localhost, 127.0.0.1, ::1)",
      "  --key-type ec|rsa     key algorithm (default: ec, P-256)",
      "",
      "shell options:",
      "  --url JDBC_URL        connect to this URL (default: the local server's Avatica endpoint)",
      "  --user NAME           log in to the local server as NAME (default: your login name); the",
      "                        password comes from $" + SHELL_PASSWORD_ENV + ", else it is asked for",
      "  --avatica-port N      port of the local server's Avatica endpoint",
      "  --data-dir DIR        open this data directory in-process instead (no server may hold it)");

  private Main() {}

  public static void main(String[] args) {
    int status = run(args, System.out, System.err);
    if (status >= 0) {
      System.exit(status);
    }
  }

  /**
   * Runs a command; returns the exit status, or -1 for a server that has been shut down by a signal (the JVM is
   * already exiting then, so nothing may call {@link System#exit}).
   */
  static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length == 0) {
      err.println(USAGE);
      return 2;
    }
    List<String> rest = List.of(args).subList(1, args.length);
    try {
      return switch (args[0]) {
        case "start" -> start(parseStart(rest), out);
        case "shell" -> shell(rest);
        case "gen-cert" -> GenCertCommand.run(rest, out, err);
        case "version", "--version" -> {
          out.println("omendb " + VERSION);
          yield 0;
        }
        case "help", "--help", "-h" -> {
          out.println(USAGE);
          yield 0;
        }
        default -> {
          err.println("omendb: unknown command '" + args[0] + "'\n\n" + USAGE);
          yield 2;
        }
      };
    } catch (IllegalArgumentException e) {
      err.println("omendb: " + e.getMessage());
      return 2;
    } catch (IOException | SQLException | IllegalStateException e) {
      err.println("omendb: cannot start: " + e.getMessage());
      return 1;
    }
  }

  static ServerConfig parseStart(List<String> args) {
    ServerConfig config = ServerConfig.defaults();
    for (int i = 0; i < args.size(); i++) {
      String flag = args.get(i);
      if (flag.equals("--tls") || flag.equals("--tls-required")) {
        config = config.withSecurity(flag.equals("--tls") ? config.security().withTls(true)
            : config.security().withTlsRequired(true));
        continue;
      }
      String value = valueOf(args, i++, flag);
      config = switch (flag) {
        case "--data-dir" -> config.withDataDir(Path.of(value));
        case "--listen" -> config.withListen(ServerConfig.parseAddress(value));
        case "--pg-port" -> config.withPgPort(parsePort(flag, value));
        case "--avatica-port" -> config.withAvaticaPort(parsePort(flag, value));
        case "--tls-cert" -> config.withSecurity(config.security().withTlsCert(Path.of(value)));
        case "--tls-key" -> config.withSecurity(config.security().withTlsKey(Path.of(value)));
        case "--tls-ca" -> config.withSecurity(config.security().withTlsCa(Path.of(value)));
        case "--hba-file" -> config.withSecurity(config.security().withHbaFile(Path.of(value)));
        case "--auth-timeout" -> config.withSecurity(
            config.security().withAuthTimeout(Duration.ofSeconds(parsePositive(flag, value))));
        case "--admin-user" -> config.withAdmin(config.admin().withUser(value));
        case "--admin-password-file" -> config.withAdmin(config.admin().withPasswordFile(Path.of(value)));
        case "--history-retention" -> config.withHistoryRetention(ServerConfig.parseDuration(flag, value));
        case "--row-cache" -> config.withRowCacheBytes(ServerConfig.parseSize(flag, value));
        default -> throw new IllegalArgumentException("unknown option " + flag);
      };
    }
    return config;
  }

  static String valueOf(List<String> args, int i, String flag) {
    if (!flag.startsWith("--")) {
      throw new IllegalArgumentException("unexpected argument " + flag);
    }
    if (i + 1 >= args.size()) {
      throw new IllegalArgumentException(flag + " needs a value");
    }
    return args.get(i + 1);
  }

  private static int parsePositive(String flag, String value) {
    int seconds = parsePort(flag, value);
    if (seconds <= 0) {
      throw new IllegalArgumentException(flag + " must be positive: " + value);
    }
    return seconds;
  }

  private static int parsePort(String flag, String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(flag + " must be a number: " + value);
    }
  }

  private static int start(ServerConfig config, PrintStream out) throws IOException, SQLException {
    OmenServer server = new OmenServer(config);
    server.start();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      stopped.countDown();
    }, "omendb-shutdown"));
    reloadTlsOnSighup(server);
    out.println("OmenDB " + VERSION + " started: data directory " + config.dataDir().toAbsolutePath());
    out.println("  PostgreSQL protocol on " + config.listen().getHostAddress() + ":" + server.pgPort()
        + "  (psql -h " + config.listen().getHostAddress() + " -p " + server.pgPort() + ")"
        + (config.security().tlsRequired() ? "  TLS required" : config.security().tlsEnabled() ? "  TLS offered"
            : ""));
    if (server.avaticaPort() >= 0) {
      out.println("  Avatica on " + (config.security().tlsEnabled() ? "https" : "http") + "://"
          + config.listen().getHostAddress() + ":" + server.avaticaPort() + "  (omendb shell)");
    }
    out.flush();
    // The endpoints run on daemon threads: the main thread holds the process until the shutdown hook has run.
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return -1;
  }

  /** SIGHUP rereads the TLS certificate and key, as it makes PostgreSQL reread its configuration. */
  @SuppressWarnings("restriction")
  private static void reloadTlsOnSighup(OmenServer server) {
    try {
      sun.misc.Signal.handle(new sun.misc.Signal("HUP"), signal -> {
        try {
          server.reloadTls();
        } catch (IOException e) {
          System.err.println("omendb: TLS reload failed, keeping the current certificate: " + e.getMessage());
        }
      });
    } catch (IllegalArgumentException e) {
      // No SIGHUP on this platform: changed files are still picked up at the next handshake.
    }
  }

  private static int shell(List<String> args) throws IOException, SQLException {
    List<String> sqllineArgs = shellArguments(args, System.getenv(), System.console(),
        System.getProperty("user.name", "omendb"));
    java.sql.DriverManager.registerDriver(new ShellDriver());
    if (System.console() == null) {
      // no terminal (input piped): jline's dumb terminal reports width 0, which would truncate every column
      sqllineArgs.add("--maxWidth=" + PIPED_SHELL_WIDTH);
    }
    sqlline.SqlLine.Status status = sqlline.SqlLine.start(sqllineArgs.toArray(new String[0]), null, true);
    return status == sqlline.SqlLine.Status.OK ? 0 : 1;
  }

  /**
   * sqlline's arguments for {@code omendb shell}: the URL (the local server's Avatica endpoint through {@link
   * ShellDriver} unless {@code --url} or {@code --data-dir} names another) and the user ({@code --user}, else the
   * login name) with its password, from {@value #SHELL_PASSWORD_ENV} or asked on the terminal (empty when neither
   * is there, so that a refused login says so).
   */
  static List<String> shellArguments(List<String> args, Map<String, String> env, Console console,
      String loginName) {
    String url = null;
    String user = loginName;
    int avaticaPort = ServerConfig.DEFAULT_AVATICA_PORT;
    for (int i = 0; i < args.size(); i++) {
      String flag = args.get(i);
      String value = valueOf(args, i++, flag);
      switch (flag) {
        case "--url" -> url = value;
        case "--avatica-port" -> avaticaPort = parsePort(flag, value);
        case "--data-dir" -> url = "jdbc:omendb:" + Path.of(value).toAbsolutePath().normalize();
        case "--user" -> user = value;
        default -> throw new IllegalArgumentException("unknown option " + flag);
      }
    }
    String password = "";
    if (url == null) {
      url = ShellDriver.url("http://127.0.0.1:" + avaticaPort);
      password = env.get(SHELL_PASSWORD_ENV);
      if (password == null) {
        char[] typed = console == null ? null : console.readPassword("Password for user %s: ", user);
        password = typed == null ? "" : new String(typed);
      }
    }
    return new java.util.ArrayList<>(List.of("-u", url, "-n", user, "-p", password));
  }
}
