package io.omendb.pg.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omendb.adapter.LoginRole;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RoleConnectionLimitsTest {
  private final RoleConnectionLimits limits = new RoleConnectionLimits();

  private static Optional<LoginRole> role(String name, boolean superuser, int connectionLimit) {
    return Optional.of(new LoginRole(name, Optional.empty(), true, superuser, connectionLimit, Optional.empty()));
  }

  @Test
  void acquire_beyondTheLimit_throws53300AndCountsNothing() throws PgException {
    limits.acquire("alice", role("alice", false, 2));
    limits.acquire("alice", role("alice", false, 2));
    assertThatThrownBy(() -> limits.acquire("alice", role("alice", false, 2)))
        .isInstanceOfSatisfying(PgException.class, e -> {
          assertThat(e.response().sqlState()).isEqualTo("53300");
          assertThat(e.response().message()).isEqualTo("too many connections for role \"alice\"");
        });
    assertThat(limits.open("alice")).isEqualTo(2);
  }

  @Test
  void release_freesASlotForTheNextLogin() throws PgException {
    limits.acquire("alice", role("alice", false, 1));
    limits.release("alice");
    assertThat(limits.open("alice")).isZero();
    limits.acquire("alice", role("alice", false, 1));
    assertThat(limits.open("alice")).isEqualTo(1);
  }

  @Test
  void acquire_superuserOrNoLimitOrUnknownRole_isNeverRefused() throws PgException {
    for (int i = 0; i < 3; i++) {
      limits.acquire("boss", role("boss", true, 1));
      limits.acquire("bob", role("bob", false, -1));
      limits.acquire("ghost", Optional.empty());
    }
    assertThat(limits.open("boss")).isEqualTo(3);
    assertThat(limits.open("bob")).isEqualTo(3);
    assertThat(limits.open("ghost")).isEqualTo(3);
  }

  @Test
  void acquire_limitZero_refusesTheFirstLogin() {
    assertThatThrownBy(() -> limits.acquire("alice", role("alice", false, 0)))
        .isInstanceOfSatisfying(PgException.class, e -> assertThat(e.response().sqlState()).isEqualTo("53300"));
  }
}
