package io.omendb.pg.server;

import static java.util.Objects.requireNonNull;

import io.omendb.adapter.Session;
import io.omendb.adapter.SessionFactory;
import io.omendb.pg.codec.BackendWriter;
import io.omendb.pg.codec.Frame;
import io.omendb.pg.codec.FrameReader;
import io.omendb.pg.codec.FrontendDecoder;
import io.omendb.pg.codec.InvalidEncodingException;
import io.omendb.pg.codec.MessageType;
import io.omendb.pg.codec.ProtocolViolationException;
import io.omendb.pg.codec.UnsupportedMessageException;
import io.omendb.pg.message.AuthenticationOk;
import io.omendb.pg.message.BackendKeyData;
import io.omendb.pg.message.Bind;
import io.omendb.pg.message.CancelRequest;
import io.omendb.pg.message.Close;
import io.omendb.pg.message.CopyData;
import io.omendb.pg.message.CopyDone;
import io.omendb.pg.message.CopyFail;
import io.omendb.pg.message.Describe;
import io.omendb.pg.message.ErrorResponse;
import io.omendb.pg.message.Execute;
import io.omendb.pg.message.Flush;
import io.omendb.pg.message.FrontendMessage;
import io.omendb.pg.message.GSSENCRequest;
import io.omendb.pg.message.NegotiateProtocolVersion;
import io.omendb.pg.message.ParameterStatus;
import io.omendb.pg.message.Parse;
import io.omendb.pg.message.Query;
import io.omendb.pg.message.ReadyForQuery;
import io.omendb.pg.message.SSLRequest;
import io.omendb.pg.message.StartupMessage;
import io.omendb.pg.message.Sync;
import io.omendb.pg.message.Terminate;
import io.omendb.pg.tls.TlsContext;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.net.Socket;
import java.net.SocketException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;

/**
 * One client connection, run on its own thread: the startup handshake (TLS if the client asks and the server has a
 * certificate), authentication by {@link ClientAuthenticator}, then the simple and extended query protocols,
 * with a {@link ConnectionStateMachine} keeping the protocol phases apart. Owns its socket and its {@link Session}, and
 * closes both when the client terminates, disconnects or breaks the protocol.
 */
final class PgConnection implements Runnable {
  private static final System.Logger LOG = System.getLogger(PgConnection.class.getName());

  /** The startup parameters that become session settings. */
  private static final List<String> SESSION_PARAMETERS = List.of("user", "database", "application_name", "options",
      "TimeZone", "timezone");

  /** Prefix of protocol options, which a 3.0 server does not understand. */
  private static final String PROTOCOL_OPTION_PREFIX = "_pq_.";

  /** SSLRequest then GSSENCRequest is the most negotiation a client needs. */
  private static final int MAX_ENCRYPTION_REQUESTS = 2;

  private static final int SUPPORTED_MAJOR_VERSION = 3;
  private static final int NEWEST_MINOR_VERSION = 0;
  private static final int INPUT_BUFFER_SIZE = 8 * 1024;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Socket socket;
  private final SessionFactory sessions;
  private final PgServerConfig config;
  private final BackendKeyData key;
  private final Consumer<CancelRequest> cancels;
  private final RoleConnectionLimits limits;
  /** The user whose session {@link #limits} counts for this connection, once counted. */
  private String countedUser;
  private final ConnectionStateMachine machine = new ConnectionStateMachine();
  private final Object idleLock = new Object();
  private InputStream input;
  /** The TLS socket over {@link #socket} once the client asked for TLS, else null. */
  private SSLSocket tls;

  /** Whether the connection thread is blocked reading the next query, with nothing buffered to write. */
  private boolean idle; // guarded by idleLock

  private volatile boolean authenticated;
  private BackendWriter out;
  /** Volatile: a CancelRequest reaches it from another connection's thread. */
  private volatile Session session;

  /**
   * @param cancels where a CancelRequest received on this connection goes (the server, which finds the target)
   * @param limits the server's per-role session counts, checked against CONNECTION LIMIT at login
   */
  PgConnection(Socket socket, SessionFactory sessions, PgServerConfig config, BackendKeyData key,
      Consumer<CancelRequest> cancels, RoleConnectionLimits limits) {
    this.socket = requireNonNull(socket, "socket");
    this.sessions = requireNonNull(sessions, "sessions");
    this.config = requireNonNull(config, "config");
    this.key = requireNonNull(key, "key");
    this.cancels = requireNonNull(cancels, "cancels");
    this.limits = requireNonNull(limits, "limits");
  }

  /** Stops the statement this connection is running, for a CancelRequest that named it; any thread. */
  void cancelRunningStatement() {
    Session running = session;
    if (running != null) {
      running.cancel();
    }
  }

  /** The key clients use to address this connection in a CancelRequest. */
  BackendKeyData key() {
    return key;
  }

  @Override
  public void run() {
    try {
      socket.setTcpNoDelay(true);
      input = new BufferedInputStream(socket.getInputStream(), INPUT_BUFFER_SIZE);
      out = new BackendWriter(socket.getOutputStream());
      if (startup()) {
        serve(new FrameReader(input, config.maxMessageLength()));
      }
    } catch (PgException e) {
      sendFinal(e.response());
    } catch (UnsupportedMessageException e) {
      sendFinal(ErrorResponse.fatal(SqlState.PROTOCOL_VIOLATION.code(), e.getMessage()));
    } catch (ProtocolViolationException e) {
      LOG.log(Level.DEBUG, "protocol violation from {0}: {1}", socket.getRemoteSocketAddress(), e.getMessage());
      sendFinal(ErrorResponse.fatal(SqlState.PROTOCOL_VIOLATION.code(), e.getMessage()));
    } catch (SSLException e) {
      LOG.log(Level.INFO, "TLS with {0} failed: {1}", socket.getRemoteSocketAddress(), e.getMessage());
    } catch (EOFException | SocketException e) {
      LOG.log(Level.DEBUG, "connection from {0} ended: {1}", socket.getRemoteSocketAddress(), e.getMessage());
    } catch (IOException e) {
      LOG.log(Level.WARNING, "I/O error on connection from " + socket.getRemoteSocketAddress(), e);
    } catch (RuntimeException e) {
      LOG.log(Level.ERROR, "connection from " + socket.getRemoteSocketAddress() + " failed", e);
      sendFinal(ErrorResponse.fatal(SqlState.INTERNAL_ERROR.code(), "internal error: " + e));
    } catch (Error e) {
      // Tell the client why it is being dropped (e.g. a StackOverflowError while planning), then let it propagate.
      LOG.log(Level.ERROR, "connection from " + socket.getRemoteSocketAddress() + " failed", e);
      sendFinal(ErrorResponse.fatal(SqlState.INTERNAL_ERROR.code(), "internal error: " + e));
      throw e;
    } finally {
      // The catch clauses above may still write a final error, so the socket closes only here.
      machine.closed();
      closeSocket();
      closeSession();
      if (countedUser != null) {
        limits.release(countedUser);
      }
    }
  }

  /**
   * Called by the server's timer when the authentication timeout expires: if the client has not finished
   * authenticating, drops it as PostgreSQL does, without a message.
   */
  void authenticationTimedOut() {
    if (!authenticated) {
      LOG.log(Level.DEBUG, "authentication timeout for {0}", socket.getRemoteSocketAddress());
      closeSocket();
    }
  }

  /**
   * Ends the connection on server shutdown, from another thread: a client waiting for its next query is told why
   * (FATAL 57P01); one in the middle of a query just loses the socket. The connection thread then closes the session.
   */
  void terminate() {
    synchronized (idleLock) {
      if (idle) {
        try {
          out.send(ErrorResponse.fatal(SqlState.ADMIN_SHUTDOWN.code(),
              "terminating connection due to administrator command")).flush();
        } catch (IOException e) {
          LOG.log(Level.DEBUG, "could not notify {0} of shutdown", socket.getRemoteSocketAddress());
        }
      }
      closeSocket();
    }
  }

  /**
   * Runs the startup phase; returns false if the connection ends during it without error. An SSLRequest is answered
   * 'S' when TLS is configured, and the rest of the connection then runs over TLS.
   */
  private boolean startup() throws IOException, PgException {
    int encryptionRequests = 0;
    while (true) {
      Frame frame = new FrameReader(input, config.maxMessageLength()).readStartupFrame();
      if (frame == null) {
        return false;
      }
      FrontendMessage message = FrontendDecoder.decode(frame);
      if (message instanceof SSLRequest && tls == null && config.security().tls().isPresent()) {
        startTls(config.security().tls().get());
      } else if (message instanceof SSLRequest || message instanceof GSSENCRequest) {
        if (++encryptionRequests > MAX_ENCRYPTION_REQUESTS || (message instanceof SSLRequest && tls != null)) {
          throw new ProtocolViolationException("too many encryption requests");
        }
        // GSSAPI encryption is not offered, nor TLS without a certificate: the client continues in plain text.
        out.sendByte(MessageType.ENCRYPTION_REFUSED).flush();
      } else if (message instanceof CancelRequest cancel) {
        // PostgreSQL never answers a cancel request, whether or not the key matched: the connection just closes.
        cancels.accept(cancel);
        return false;
      } else if (message instanceof StartupMessage startup) {
        authenticate(startup);
        return true;
      } else {
        throw new ProtocolViolationException("unexpected " + message.getClass().getSimpleName() + " at startup");
      }
    }
  }

  /**
   * Answers 'S' and performs the TLS handshake. Bytes the client sent after its SSLRequest, before the handshake,
   * would be read as if they had come through TLS (CVE-2021-23214), so they end the connection instead.
   */
  private void startTls(TlsContext context) throws IOException {
    if (input.available() > 0) {
      throw new ProtocolViolationException("received unencrypted data after SSL request");
    }
    out.sendByte(MessageType.SSL_ACCEPTED).flush();
    tls = context.handshake(socket);
    input = new BufferedInputStream(tls.getInputStream(), INPUT_BUFFER_SIZE);
    out = new BackendWriter(tls.getOutputStream());
  }

  private void authenticate(StartupMessage startup) throws IOException, PgException {
    machine.startupReceived();
    if (startup.majorVersion() != SUPPORTED_MAJOR_VERSION) {
      throw PgException.fatal(SqlState.FEATURE_NOT_SUPPORTED, "unsupported frontend protocol "
          + startup.majorVersion() + "." + startup.minorVersion() + ": server supports 3.0 to 3.0");
    }
    List<String> protocolOptions = new ArrayList<>();
    startup.parameters().keySet().stream().filter(k -> k.startsWith(PROTOCOL_OPTION_PREFIX))
        .forEach(protocolOptions::add);
    if (startup.minorVersion() > NEWEST_MINOR_VERSION || !protocolOptions.isEmpty()) {
      out.send(new NegotiateProtocolVersion(NEWEST_MINOR_VERSION, protocolOptions));
    }
    String user = startup.parameter("user");
    if (user == null || user.isEmpty()) {
      throw PgException.fatal(SqlState.INVALID_AUTHORIZATION_SPECIFICATION,
          "no PostgreSQL user name specified in startup packet");
    }
    String clientEncoding = startup.parameter("client_encoding");
    if (!ServerParameters.isSupportedClientEncoding(clientEncoding)) {
      throw PgException.fatal(SqlState.FEATURE_NOT_SUPPORTED,
          "client_encoding \"" + clientEncoding + "\" is not supported; only UTF8 is");
    }
    String database = startup.parameter("database");
    ClientAuthenticator.Channel channel = new ClientAuthenticator.Channel(socket.getInetAddress(),
        tls == null ? Optional.empty() : Optional.of((X509Certificate) tls.getSession().getLocalCertificates()[0]),
        tls == null ? Optional.empty() : Optional.of(tls.getSession().getProtocol()));
    new ClientAuthenticator(config.security(), RANDOM, Clock.systemUTC()).authenticate(channel, user,
        database == null || database.isEmpty() ? user : database,
        new FrameReader(input, ClientAuthenticator.MAX_AUTH_MESSAGE_LENGTH), out);
    limits.acquire(user, config.security().roles().find(user));
    countedUser = user;
    Map<String, String> settings = new LinkedHashMap<>();
    for (String name : SESSION_PARAMETERS) {
      String value = startup.parameter(name);
      if (value != null) {
        settings.put(name, value);
      }
    }
    // PostgreSQL's default database is the one named like the user.
    settings.putIfAbsent("database", user);
    settings.put(SessionFactory.BACKEND_PID, Integer.toString(key.processId()));
    try {
      session = sessions.openSession(user, settings);
    } catch (SQLException e) {
      ErrorResponse error = ErrorMapper.fromSqlException(e);
      throw new PgException(ErrorResponse.fatal(error.sqlState(), error.message()));
    }
    authenticated = true;
    machine.authenticated();
    out.send(new AuthenticationOk());
    for (ParameterStatus parameter : ServerParameters.forSession(user, startup.parameters(),
        session.setting("TimeZone"))) {
      out.send(parameter);
    }
    out.send(key);
    machine.queryCompleted(session.transactionStatus());
    sendReadyForQuery();
  }

  /** The query loop: runs until the client terminates or disconnects. */
  private void serve(FrameReader in) throws IOException {
    SimpleQueryHandler queries = new SimpleQueryHandler(session, out, new CopyHandler(in, out));
    ExtendedQueryHandler extended = new ExtendedQueryHandler(session, out);
    try {
      while (true) {
        setIdle(true);
        Frame frame = in.readFrame();
        setIdle(false);
        if (frame == null) {
          return;
        }
        FrontendMessage message;
        try {
          message = FrontendDecoder.decode(frame);
        } catch (UnsupportedMessageException e) {
          skipUnsupported(e.type());
          continue;
        } catch (InvalidEncodingException e) {
          rejectEncoding(frame, e);
          continue;
        }
        if (message instanceof Terminate) {
          return;
        }
        if (message instanceof Sync) {
          machine.syncReceived();
          extended.sync();
          machine.queryCompleted(session.transactionStatus());
          sendReadyForQuery();
          continue;
        }
        if (machine.skippingToSync()) {
          continue;
        }
        if (!dispatch(message, queries, extended)) {
          machine.extendedErrorOccurred();
        }
      }
    } finally {
      extended.closeAll();
    }
  }

  /** Handles one message of the query phase; returns false if an extended-protocol message failed. */
  private boolean dispatch(FrontendMessage message, SimpleQueryHandler queries, ExtendedQueryHandler extended)
      throws IOException {
    if (message instanceof Query query) {
      extended.simpleQueryReceived();
      queries.handle(query);
      machine.queryCompleted(session.transactionStatus());
      sendReadyForQuery();
      return true;
    } else if (message instanceof Parse parse) {
      return extended.parse(parse);
    } else if (message instanceof Bind bind) {
      return extended.bind(bind);
    } else if (message instanceof Describe describe) {
      return extended.describe(describe);
    } else if (message instanceof Execute execute) {
      return extended.execute(execute);
    } else if (message instanceof Close close) {
      return extended.close(close);
    } else if (message instanceof Flush) {
      out.flush();
      return true;
    } else if (message instanceof CopyData || message instanceof CopyDone || message instanceof CopyFail) {
      // Left over from a COPY that already ended (failed): ignored, as PostgreSQL does.
      return true;
    } else {
      throw new ProtocolViolationException("unexpected " + message.getClass().getSimpleName());
    }
  }

  /**
   * Answers a message this server does not implement (FunctionCall) as PostgreSQL answers a failed extended-protocol
   * message: one ErrorResponse, then everything up to Sync is discarded.
   */
  private void skipUnsupported(MessageType type) throws IOException {
    if (!machine.skippingToSync()) {
      machine.extendedErrorOccurred();
      out.send(ErrorResponse.error(SqlState.FEATURE_NOT_SUPPORTED.code(), type + " is not supported"));
    }
  }

  /**
   * Answers a message whose text is not UTF-8 with 22021, as PostgreSQL does: a simple Query then ends with
   * ReadyForQuery; an extended-protocol message makes the server skip to Sync.
   */
  private void rejectEncoding(Frame frame, InvalidEncodingException e) throws IOException {
    if (machine.skippingToSync()) {
      return;
    }
    out.send(ErrorResponse.error(SqlState.CHARACTER_NOT_IN_REPERTOIRE.code(), e.getMessage()));
    if (frame.tag() == MessageType.QUERY.tag()) {
      machine.queryCompleted(session.transactionStatus());
      sendReadyForQuery();
    } else {
      machine.extendedErrorOccurred();
    }
  }

  /**
   * Sends ReadyForQuery and marks the connection idle in one step, so that a shutdown racing with it either
   * precedes it or finds the connection idle and tells the client why it is closed.
   */
  private void sendReadyForQuery() throws IOException {
    synchronized (idleLock) {
      out.send(new ReadyForQuery(machine.indicator())).flush();
      idle = true;
    }
  }

  private void setIdle(boolean value) {
    synchronized (idleLock) {
      idle = value;
    }
  }

  /** Sends a last error before the connection closes, if the socket still allows it. */
  private void sendFinal(ErrorResponse error) {
    if (out == null || socket.isClosed()) {
      return;
    }
    try {
      out.send(error).flush();
    } catch (IOException e) {
      LOG.log(Level.DEBUG, "could not send final error to {0}", socket.getRemoteSocketAddress());
    }
  }

  private void closeSession() {
    if (session == null) {
      return;
    }
    try {
      session.close();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "closing the session failed", e);
    }
    session = null;
  }

  private void closeSocket() {
    try {
      socket.close();
    } catch (IOException e) {
      LOG.log(Level.DEBUG, "closing socket failed", e);
    }
  }
}
