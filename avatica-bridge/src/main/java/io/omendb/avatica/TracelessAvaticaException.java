package io.omendb.avatica;

import org.apache.calcite.avatica.AvaticaSeverity;
import org.apache.calcite.avatica.remote.AvaticaRuntimeException;

/**
 * An error as the client is allowed to see it: message, SQLSTATE, Avatica error code and severity, with no stack
 * trace and no cause. Avatica prints the exception it is handed into every error response; this one prints as a
 * single line.
 */
final class TracelessAvaticaException extends AvaticaRuntimeException {
  private static final long serialVersionUID = 1L;

  TracelessAvaticaException(String message, int errorCode, String sqlState, AvaticaSeverity severity) {
    super(message, errorCode, sqlState, severity);
  }

  @Override
  public synchronized Throwable fillInStackTrace() {
    return this;
  }
}
