package io.omendb.avatica;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.SQLException;
import org.apache.calcite.avatica.AvaticaSeverity;
import org.apache.calcite.avatica.NoSuchConnectionException;
import org.apache.calcite.avatica.remote.AvaticaRuntimeException;
import org.apache.calcite.avatica.remote.Service.ErrorResponse;
import org.junit.jupiter.api.Test;

/** What the client is told for each kind of server-side failure, without sockets. */
class ErrorTranslatingServiceTest {

  @Test
  void translate_wrappedSqlException_keepsItsStateAndMessage() {
    SQLException sql = new SQLException("relation \"t\" does not exist", "42P01",
        new IllegalStateException("internal detail"));
    AvaticaRuntimeException e = ErrorTranslatingService.translate(new RuntimeException(sql));
    assertThat(e.getSqlState()).isEqualTo("42P01");
    assertThat(e.getErrorMessage()).isEqualTo("relation \"t\" does not exist");
    assertThat(e.getErrorCode()).isEqualTo(ErrorResponse.UNKNOWN_ERROR_CODE);
    assertThat(e.getSeverity()).isEqualTo(AvaticaSeverity.ERROR);
  }

  @Test
  void translate_printsAsOneLine_withoutTraceOrCause() {
    SQLException sql = new SQLException("duplicate key", "23505", new IllegalStateException("internal detail"));
    StringWriter printed = new StringWriter();
    ErrorTranslatingService.translate(new RuntimeException(sql)).printStackTrace(new PrintWriter(printed));
    assertThat(printed.toString().strip()).doesNotContain("\n").doesNotContain("internal detail")
        .contains("23505");
  }

  @Test
  void translate_sqlExceptionWithoutState_isInternalError() {
    AvaticaRuntimeException e = ErrorTranslatingService.translate(new RuntimeException(new SQLException("boom")));
    assertThat(e.getSqlState()).isEqualTo("XX000");
  }

  @Test
  void translate_missingConnection_keepsTheCodeTheDriverReconnectsOn() {
    AvaticaRuntimeException e = ErrorTranslatingService.translate(new NoSuchConnectionException("c1"));
    assertThat(e.getErrorCode()).isEqualTo(ErrorResponse.MISSING_CONNECTION_ERROR_CODE);
    assertThat(e.getSqlState()).isEqualTo("08003");
    assertThat(e.getErrorMessage()).isEqualTo("connection c1 does not exist");
  }

  @Test
  void translate_otherRuntimeException_isInternalError() {
    AvaticaRuntimeException e = ErrorTranslatingService.translate(new IllegalArgumentException("bad"));
    assertThat(e.getSqlState()).isEqualTo("XX000");
    assertThat(e.getErrorMessage()).isEqualTo("internal error: bad");
    assertThat(e.getStackTrace()).isEmpty();
  }
}
