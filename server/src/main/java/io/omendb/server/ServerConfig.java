package io.omendb.server;

import static java.util.Objects.requireNonNull;

import java.net.InetAddress;
import java.net.UnknownHostException;
import io.omendb.engine.EngineOptions;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The server's settings, from the command line.
 *
 * @param dataDir the database directory
 * @param listen the address both endpoints listen on
 * @param pgPort the PostgreSQL wire protocol port (0 = any free port)
 * @param avaticaPort the Avatica HTTP port (0 = any free port, -1 = disabled)
 * @param security TLS and client authentication of the PostgreSQL endpoint
 * @param admin how the first start creates the superuser
 * @param historyRetention how far back {@code AS OF} reads may go (garbage collection keeps what they see)
 * @param rowCacheBytes bytes of newest row versions the engine keeps for point reads its directories validate
 */
public record ServerConfig(Path dataDir, InetAddress listen, int pgPort, int avaticaPort, SecurityOptions security,
    AdminConfig admin, Duration historyRetention, long rowCacheBytes) {
  /** Default PostgreSQL-protocol port; one above PostgreSQL's own so both can run on one machine. */
  public static final int DEFAULT_PG_PORT = 5433;
  /** Default Avatica port, the one Avatica's own tools assume. */
  public static final int DEFAULT_AVATICA_PORT = 8765;
  /** Default data directory, relative to the working directory. */
  public static final Path DEFAULT_DATA_DIR = Path.of("data");

  public ServerConfig {
    requireNonNull(dataDir, "dataDir");
    requireNonNull(listen, "listen");
    requireNonNull(admin, "admin");
    checkPort("--pg-port", pgPort, false);
    checkPort("--avatica-port", avaticaPort, true);
    requireNonNull(security, "security");
    requireNonNull(historyRetention, "historyRetention");
    if (historyRetention.isNegative()) {
      throw new IllegalArgumentException("--history-retention must not be negative: " + historyRetention);
    }
    if (rowCacheBytes < 0) {
      throw new IllegalArgumentException("--row-cache must not be negative: " + rowCacheBytes);
    }
  }

  /** Settings with the default security options (no TLS, SCRAM-SHA-256 for everyone) and superuser bootstrap. */
  public ServerConfig(Path dataDir, InetAddress listen, int pgPort, int avaticaPort) {
    this(dataDir, listen, pgPort, avaticaPort, SecurityOptions.defaults(), AdminConfig.defaults(),
        EngineOptions.DEFAULT_HISTORY_RETENTION,
        io.omendb.engine.mvcc.TransactionManager.DEFAULT_ROW_CACHE_BYTES);
  }

  public static ServerConfig defaults() {
    return new ServerConfig(DEFAULT_DATA_DIR, InetAddress.getLoopbackAddress(), DEFAULT_PG_PORT,
        DEFAULT_AVATICA_PORT);
  }

  public ServerConfig withAdmin(AdminConfig admin) {
    return new ServerConfig(dataDir, listen, pgPort, avaticaPort, security, admin, historyRetention,
        rowCacheBytes);
  }

  public ServerConfig withDataDir(Path dataDir) {
    return new ServerConfig(dataDir, listen, pgPort, avaticaPort, security, admin, historyRetention,
        rowCacheBytes);
  }

  public ServerConfig withListen(InetAddress listen) {
    return new ServerConfig(dataDir, listen, pgPort, avaticaPort, security, admin, historyRetention,
        rowCacheBytes);
  }

  public ServerConfig withPgPort(int pgPort) {
    return new ServerConfig(dataDir, listen, pgPort, avaticaPort, security, admin, historyRetention,
        rowCacheBytes);
  }

  public ServerConfig withAvaticaPort(int avaticaPort) {
    return new ServerConfig(dataDir, listen, pgPort, avaticaPort, security, admin, historyRetention,
        rowCacheBytes);
  }

  public ServerConfig withSecurity(SecurityOptions security) {
    return new ServerConfig(dataDir, listen, pgPort, avaticaPort, security, admin, historyRetention,
        rowCacheBytes);
  }

  public ServerConfig withHistoryRetention(Duration historyRetention) {
    return new ServerConfig(dataDir, listen, pgPort, avaticaPort, security, admin, historyRetention,
        rowCacheBytes);
  }

  public ServerConfig withRowCacheBytes(long rowCacheBytes) {
    return new ServerConfig(dataDir, listen, pgPort, avaticaPort, security, admin, historyRetention,
        rowCacheBytes);
  }

  /** The engine's options for this server's database. */
  EngineOptions engineOptions() {
    return EngineOptions.create(dataDir).withHistoryRetention(historyRetention).withRowCacheBytes(rowCacheBytes);
  }

  /** Parses a size in bytes: a number with an optional unit {@code k}, {@code m} or {@code g} (powers of 1024). */
  static long parseSize(String flag, String text) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)\\s*([kmg]?)(?:i?b)?")
        .matcher(text.strip().toLowerCase(java.util.Locale.ROOT));
    if (!m.matches()) {
      throw new IllegalArgumentException(flag + ": not a size (e.g. 64m, 1g, 0): " + text);
    }
    int shift = switch (m.group(2)) {
      case "k" -> 10;
      case "m" -> 20;
      case "g" -> 30;
      default -> 0;
    };
    try {
      long amount = Long.parseLong(m.group(1));
      if (amount > Long.MAX_VALUE >> shift) {
        throw new NumberFormatException();
      }
      return amount << shift;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(flag + ": too large: " + text);
    }
  }

  /** Parses a duration: a number and a unit ({@code 90s}, {@code 15m}, {@code 1h}, {@code 2d}; ms too), or ISO-8601. */
  static Duration parseDuration(String flag, String text) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)\\s*(ms|s|min|m|h|d)?")
        .matcher(text.strip().toLowerCase(java.util.Locale.ROOT));
    if (m.matches()) {
      long amount = Long.parseLong(m.group(1));
      String unit = m.group(2) == null ? "s" : m.group(2);
      return switch (unit) {
        case "ms" -> Duration.ofMillis(amount);
        case "s" -> Duration.ofSeconds(amount);
        case "m", "min" -> Duration.ofMinutes(amount);
        case "h" -> Duration.ofHours(amount);
        default -> Duration.ofDays(amount);
      };
    }
    try {
      return Duration.parse(text);
    } catch (java.time.format.DateTimeParseException e) {
      throw new IllegalArgumentException(flag + ": not a duration (e.g. 90s, 15m, 1h, 2d): " + text);
    }
  }

  /** Parses a listen address; host names are resolved. */
  static InetAddress parseAddress(String text) {
    try {
      return InetAddress.getByName(text);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("--listen: unknown host " + text);
    }
  }

  private static void checkPort(String flag, int port, boolean mayDisable) {
    if ((port < 0 && !(mayDisable && port == -1)) || port > 0xFFFF) {
      throw new IllegalArgumentException(flag + " must be in [0, 65535]" + (mayDisable ? " or -1" : "") + ": "
          + port);
    }
  }
}
