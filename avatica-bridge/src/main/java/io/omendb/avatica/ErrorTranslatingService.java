package io.omendb.avatica;

import static java.util.Objects.requireNonNull;

import io.omendb.adapter.PasswordRedaction;
import java.lang.System.Logger.Level;
import java.sql.SQLException;
import java.util.function.Supplier;
import org.apache.calcite.avatica.AvaticaSeverity;
import org.apache.calcite.avatica.NoSuchConnectionException;
import org.apache.calcite.avatica.remote.AvaticaRuntimeException;
import org.apache.calcite.avatica.remote.Service;

/**
 * A {@link Service} decorator that turns every failure into what the client may see. Avatica's handlers report an
 * arbitrary exception with SQLSTATE {@code 00000} and ship its full stack trace (cause chain included: Calcite,
 * engine and Jetty frames) to the client; this class finds the {@link SQLException} in the chain and rethrows it as
 * a {@link TracelessAvaticaException} carrying that SQLException's state and message only.
 */
final class ErrorTranslatingService implements Service {
  private static final System.Logger LOG = System.getLogger(ErrorTranslatingService.class.getName());

  /** SQLSTATE for errors without one of their own. */
  static final String INTERNAL_ERROR = "XX000";
  /** SQLSTATE for a request naming a connection the server does not have. */
  static final String CONNECTION_DOES_NOT_EXIST = "08003";

  private final Service delegate;

  ErrorTranslatingService(Service delegate) {
    this.delegate = requireNonNull(delegate, "delegate");
  }

  /** The exception the client sees for {@code thrown}. */
  static AvaticaRuntimeException translate(RuntimeException thrown) {
    if (thrown instanceof TracelessAvaticaException done) {
      return done;
    }
    if (thrown instanceof NoSuchConnectionException missing) {
      // The thin driver reconnects transparently on this error code.
      return new TracelessAvaticaException("connection " + missing.getConnectionId() + " does not exist",
          ErrorResponse.MISSING_CONNECTION_ERROR_CODE,
          CONNECTION_DOES_NOT_EXIST, AvaticaSeverity.ERROR);
    }
    if (thrown instanceof AvaticaRuntimeException avatica) {
      return new TracelessAvaticaException(avatica.getErrorMessage(), avatica.getErrorCode(),
          avatica.getSqlState(), avatica.getSeverity());
    }
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql) {
        String state = sql.getSQLState() == null ? INTERNAL_ERROR : sql.getSQLState();
        if (INTERNAL_ERROR.equals(state)) {
          LOG.log(Level.WARNING, "internal error answered to an Avatica client", thrown);
        }
        return new TracelessAvaticaException(String.valueOf(sql.getMessage()), ErrorResponse.UNKNOWN_ERROR_CODE,
            state, AvaticaSeverity.ERROR);
      }
    }
    LOG.log(Level.WARNING, "internal error answered to an Avatica client", thrown);
    String message = thrown.getMessage() == null ? "internal error" : "internal error: " + thrown.getMessage();
    return new TracelessAvaticaException(message, ErrorResponse.UNKNOWN_ERROR_CODE, INTERNAL_ERROR,
        AvaticaSeverity.ERROR);
  }

  /** Like {@link #call}, but a password in {@code sql} never reaches the client in the error's message. */
  private static <R> R callScrubbing(String sql, Supplier<R> call) {
    try {
      return call.get();
    } catch (RuntimeException e) {
      AvaticaRuntimeException translated = translate(e);
      if (!PasswordRedaction.mentionsPassword(sql)) {
        throw translated;
      }
      SQLException scrubbed = PasswordRedaction.scrub(
          new SQLException(translated.getErrorMessage(), translated.getSqlState()), sql);
      throw new TracelessAvaticaException(scrubbed.getMessage(), translated.getErrorCode(),
          translated.getSqlState(), translated.getSeverity());
    }
  }

  private static <R> R call(Supplier<R> call) {
    try {
      return call.get();
    } catch (RuntimeException e) {
      throw translate(e);
    }
  }

  @Override
  public ResultSetResponse apply(CatalogsRequest request) {
    return call(() -> delegate.apply(request));
  }

  @Override
  public ResultSetResponse apply(SchemasRequest request) {
    return call(() -> delegate.apply(request));
  }

  @Override
  public ResultSetResponse apply(TablesRequest request) {
    return call(() -> delegate.apply(request));
  }

  @Override
  public ResultSetResponse apply(TableTypesRequest request) {
    return call(() -> delegate.apply(request));
  }

  @Override
  public ResultSetResponse apply(TypeInfoRequest request) {
    return call(() -> delegate.apply(request));
  }

  @Override
  public ResultSetResponse apply(ColumnsRequest request) {
    return call(() -> delegate.apply(request));
  }

  @Override
  public PrepareResponse apply(PrepareRequest request) {
    return callScrubbing(request.sql, () -> delegate.apply(request));
  }

  @Override
  public ExecuteResponse apply(ExecuteRequest request) {
    return call(() -> delegate.apply(request));
  }

  @Override
  public ExecuteResponse apply(PrepareAndExecuteRequest request) {
    return callScrubbing(request.sql, () -> delegate.apply(request));
  }

  @Override
  public SyncResultsResponse apply(SyncResultsRequest request) {
    return call(() -> delegate.apply(request));
  }

  @Override
  public FetchResponse apply(FetchRequest request) {
    return call(() -> delegate.apply(request));
  }

  @Override
  public CreateStatementResponse apply(CreateStatementRequest request) {
    return call(() -> delegate.apply(request));
  }

  @Override
  public CloseStatementResponse apply(CloseStatementRequest request) {
    return call(() -> delegate.apply(request));
  }

  @Override
  public OpenConnectionResponse apply(OpenConnectionRequest request) {
    return call(() -> delegate.apply(request));
  }

  @Override
  public CloseConnectionResponse apply(CloseConnectionRequest request) {
    return call(() -> delegate.apply(request));
  }

  @Override
  public ConnectionSyncResponse apply(ConnectionSyncRequest request) {
    return call(() -> delegate.apply(request));
  }

  @Override
  public DatabasePropertyResponse apply(DatabasePropertyRequest request) {
    return call(() -> delegate.apply(request));
  }

  @Override
  public CommitResponse apply(CommitRequest request) {
    return call(() -> delegate.apply(request));
  }

  @Override
  public RollbackResponse apply(RollbackRequest request) {
    return call(() -> delegate.apply(request));
  }

  @Override
  public ExecuteBatchResponse apply(PrepareAndExecuteBatchRequest request) {
    return call(() -> delegate.apply(request));
  }

  @Override
  public ExecuteBatchResponse apply(ExecuteBatchRequest request) {
    return call(() -> delegate.apply(request));
  }

  @Override
  public void setRpcMetadata(RpcMetadataResponse metadata) {
    delegate.setRpcMetadata(metadata);
  }
}
