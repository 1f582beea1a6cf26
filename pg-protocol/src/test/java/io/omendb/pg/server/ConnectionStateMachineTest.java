package io.omendb.pg.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omendb.adapter.TransactionStatus;
import io.omendb.pg.message.TransactionIndicator;
import org.junit.jupiter.api.Test;

/** Only the protocol's legal transitions are possible. */
class ConnectionStateMachineTest {

  private final ConnectionStateMachine machine = new ConnectionStateMachine();

  @Test
  void new_isInStartup() {
    assertThat(machine.state()).isEqualTo(ConnectionState.STARTUP);
    assertThat(machine.inStartup()).isTrue();
    assertThat(machine.acceptsQueries()).isFalse();
  }

  @Test
  void startupThenAuthentication_isReadyAndIdle() {
    machine.startupReceived();
    assertThat(machine.state()).isEqualTo(ConnectionState.AUTHENTICATING);
    assertThat(machine.acceptsQueries()).isFalse();

    machine.authenticated();
    assertThat(machine.state()).isEqualTo(ConnectionState.READY);
    assertThat(machine.indicator()).isEqualTo(TransactionIndicator.IDLE);
  }

  @Test
  void queryCompleted_followsTheSessionsTransactionStatus() {
    ready();
    machine.queryCompleted(TransactionStatus.IN_TRANSACTION);
    assertThat(machine.state()).isEqualTo(ConnectionState.IN_TRANSACTION);
    assertThat(machine.indicator()).isEqualTo(TransactionIndicator.IN_TRANSACTION);

    machine.queryCompleted(TransactionStatus.FAILED);
    assertThat(machine.state()).isEqualTo(ConnectionState.FAILED);
    assertThat(machine.indicator()).isEqualTo(TransactionIndicator.FAILED);
    assertThat(machine.acceptsQueries()).as("ROLLBACK must still get through").isTrue();

    machine.queryCompleted(TransactionStatus.IDLE);
    assertThat(machine.state()).isEqualTo(ConnectionState.READY);
  }

  @Test
  void queryCompleted_beforeAuthentication_isIllegal() {
    assertThatThrownBy(() -> machine.queryCompleted(TransactionStatus.IDLE))
        .isInstanceOf(IllegalStateException.class);
    machine.startupReceived();
    assertThatThrownBy(() -> machine.queryCompleted(TransactionStatus.IDLE))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void authenticated_withoutStartup_isIllegal() {
    assertThatThrownBy(machine::authenticated).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void startupReceived_twice_isIllegal() {
    machine.startupReceived();
    assertThatThrownBy(machine::startupReceived).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void indicator_duringStartup_isIllegal() {
    assertThatThrownBy(machine::indicator).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void extendedError_skipsUntilSync() {
    ready();
    machine.extendedErrorOccurred();
    assertThat(machine.skippingToSync()).isTrue();
    machine.syncReceived();
    assertThat(machine.skippingToSync()).isFalse();
  }

  @Test
  void closed_fromAnyState_isFinal() {
    ready();
    machine.closed();
    assertThat(machine.state()).isEqualTo(ConnectionState.CLOSED);
    assertThat(machine.acceptsQueries()).isFalse();
    assertThatThrownBy(() -> machine.queryCompleted(TransactionStatus.IDLE))
        .isInstanceOf(IllegalStateException.class);
  }

  private void ready() {
    machine.startupReceived();
    machine.authenticated();
  }
}
