package io.omendb.pg.server;

import static java.util.Objects.requireNonNull;

import io.omendb.adapter.SessionFactory;
import io.omendb.pg.codec.BackendWriter;
import io.omendb.pg.message.BackendKeyData;
import io.omendb.pg.message.CancelRequest;
import io.omendb.pg.message.ErrorResponse;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.security.SecureRandom;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL v3 protocol server over a {@link SessionFactory}.
 *
 * <p>Threading: one acceptor thread, and one platform thread per client connection doing blocking socket I/O. That
 * is the simplest design that is obviously correct (a connection's protocol state and its single-threaded
 * {@code Session} live on one stack), Java 17 has no virtual threads to make it cheap, and the thread count is
 * bounded by {@link PgServerConfig#maxConnections()}: connections beyond it are refused with SQLSTATE 53300 before a
 * thread is started. A single timer thread enforces the authentication timeout as a deadline for the whole
 * handshake, so a client trickling bytes cannot hold a connection slot.
 *
 * <p>While any hba rule uses trust the server only binds to loopback addresses, and trust admits loopback clients
 * only. TLS, the hba rules and password checks are configured in {@link SecurityConfig}.
 */
public final class PgServer implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(PgServer.class.getName());

  private static final int BACKLOG = 128;
  private static final long SHUTDOWN_WAIT_MILLIS = 5_000;
  private static final int REJECT_WRITE_TIMEOUT_MILLIS = 1_000;

  private final SessionFactory sessions;
  private final PgServerConfig config;
  private final SecureRandom random = new SecureRandom();
  private final RoleConnectionLimits limits = new RoleConnectionLimits();
  private final Map<Integer, Running> connections = new LinkedHashMap<>(); // guarded by this
  private int nextProcessId = 1; // guarded by this
  private boolean closed; // guarded by this
  private ServerSocket serverSocket; // guarded by this
  private Thread acceptor; // guarded by this
  private ScheduledExecutorService timer; // guarded by this

  /**
   * A connection, the thread serving it, and its authentication deadline, cancelled when the connection ends so
   * that the timer does not keep an abandoned connection's socket and buffers alive until the deadline.
   */
  private record Running(PgConnection connection, Thread thread, Future<?> authDeadline) {}

  public PgServer(SessionFactory sessions, PgServerConfig config) {
    this.sessions = requireNonNull(sessions, "sessions");
    this.config = requireNonNull(config, "config");
  }

  /**
   * Binds the listening socket and starts accepting connections.
   *
   * @throws IllegalStateException if already started or closed, or if an hba rule uses trust and the address is
   *     not loopback
   * @throws IOException if the address cannot be bound
   */
  public synchronized void start() throws IOException {
    if (closed || serverSocket != null) {
      throw new IllegalStateException(closed ? "server is closed" : "server already started");
    }
    if (config.security().hba().hasTrust()) {
      TrustAuthentication.checkBindAddress(config.bindAddress());
    }
    ServerSocket socket = new ServerSocket();
    try {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(config.bindAddress(), config.port()), BACKLOG);
    } catch (IOException e) {
      socket.close();
      throw e;
    }
    serverSocket = socket;
    ScheduledThreadPoolExecutor deadlines =
        new ScheduledThreadPoolExecutor(1, runnable -> daemon(runnable, "omendb-pg-auth-timer"));
    deadlines.setRemoveOnCancelPolicy(true);
    timer = deadlines;
    acceptor = daemon(() -> acceptLoop(socket), "omendb-pg-acceptor");
    acceptor.start();
    LOG.log(Level.INFO, "PostgreSQL protocol server listening on {0}", socket.getLocalSocketAddress());
  }

  /** The port the server listens on; the ephemeral port chosen when configured with port 0. */
  public synchronized int port() {
    if (serverSocket == null) {
      throw new IllegalStateException("server not started");
    }
    return serverSocket.getLocalPort();
  }

  /**
   * Reads the TLS certificate and key files again, for new connections (the server also does so by itself when the
   * files change); open connections keep their certificate. Does nothing without TLS.
   *
   * @throws IOException if the files cannot be used; the previous certificate then stays in use
   */
  public void reloadTls() throws IOException {
    if (config.security().tls().isPresent()) {
      config.security().tls().get().reload();
    }
  }

  /** The number of client connections currently open. */
  public synchronized int connectionCount() {
    return connections.size();
  }

  /**
   * Stops accepting connections, ends every open connection (clients waiting for their next query get FATAL
   * 57P01), and waits briefly for their sessions to close. Idempotent.
   */
  @Override
  public void close() {
    List<Running> running;
    Thread acceptorThread;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      closeQuietly(serverSocket);
      acceptorThread = acceptor;
      running = new ArrayList<>(connections.values());
      if (timer != null) {
        timer.shutdownNow();
      }
    }
    for (Running r : running) {
      r.connection().terminate();
    }
    long deadline = System.currentTimeMillis() + SHUTDOWN_WAIT_MILLIS;
    try {
      if (acceptorThread != null) {
        acceptorThread.join(Math.max(1, deadline - System.currentTimeMillis()));
      }
      for (Running r : running) {
        r.thread().join(Math.max(1, deadline - System.currentTimeMillis()));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void acceptLoop(ServerSocket socket) {
    while (true) {
      Socket client;
      try {
        client = socket.accept();
      } catch (IOException e) {
        synchronized (this) {
          if (closed) {
            return;
          }
        }
        LOG.log(Level.WARNING, "accept failed", e);
        continue;
      }
      admit(client);
    }
  }

  private void admit(Socket client) {
    Running running;
    synchronized (this) {
      if (closed) {
        closeQuietly(client);
        return;
      }
      if (connections.size() >= config.maxConnections()) {
        running = null;
      } else {
        running = register(client);
      }
    }
    if (running == null) {
      reject(client);
    } else {
      running.thread().start();
    }
  }

  /** Creates and registers the connection; the caller holds the lock and starts the thread. */
  private Running register(Socket client) {
    int processId = nextProcessId++;
    PgConnection connection =
        new PgConnection(client, sessions, config, new BackendKeyData(processId, random.nextInt()), this::cancel,
            limits);
    Thread thread = daemon(() -> serve(processId, connection), "omendb-pg-conn-" + processId);
    Future<?> authDeadline =
        timer.schedule(connection::authenticationTimedOut, config.authTimeout().toMillis(), TimeUnit.MILLISECONDS);
    Running running = new Running(connection, thread, authDeadline);
    connections.put(processId, running);
    return running;
  }

  /**
   * Cancels the statement running on the connection a CancelRequest names, if its secret key matches (compared in
   * constant time, so that timing reveals nothing about the key); otherwise does nothing, as PostgreSQL does.
   */
  void cancel(CancelRequest request) {
    Running running;
    synchronized (this) {
      running = connections.get(request.processId());
    }
    if (running == null) {
      return;
    }
    byte[] expected = ByteBuffer.allocate(Integer.BYTES).putInt(running.connection().key().secretKey()).array();
    byte[] given = ByteBuffer.allocate(Integer.BYTES).putInt(request.secretKey()).array();
    if (MessageDigest.isEqual(expected, given)) {
      running.connection().cancelRunningStatement();
    }
  }

  private void serve(int processId, PgConnection connection) {
    try {
      connection.run();
    } finally {
      Running ended;
      synchronized (this) {
        ended = connections.remove(processId);
      }
      if (ended != null) {
        ended.authDeadline().cancel(false);
      }
    }
  }

  /** Refuses a connection over the limit, as PostgreSQL does, without reading anything from it. */
  private static void reject(Socket client) {
    try (client) {
      client.setSoTimeout(REJECT_WRITE_TIMEOUT_MILLIS);
      new BackendWriter(client.getOutputStream())
          .send(ErrorResponse.fatal(SqlState.TOO_MANY_CONNECTIONS.code(), "sorry, too many clients already"))
          .flush();
    } catch (IOException e) {
      LOG.log(Level.DEBUG, "could not refuse connection politely", e);
    }
  }

  private static Thread daemon(Runnable runnable, String name) {
    Thread thread = new Thread(runnable, name);
    thread.setDaemon(true);
    return thread;
  }

  private static void closeQuietly(AutoCloseable closeable) {
    if (closeable == null) {
      return;
    }
    try {
      closeable.close();
    } catch (Exception e) {
      LOG.log(Level.DEBUG, "close failed", e);
    }
  }
}
