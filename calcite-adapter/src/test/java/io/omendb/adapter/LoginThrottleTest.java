package io.omendb.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The failed-login policy: doubling delays per address, capped, reset by success or after a quiet period. */
class LoginThrottleTest {
  private final AtomicLong now = new AtomicLong();
  private final LoginThrottle throttle = new LoginThrottle(Duration.ofMillis(500), Duration.ofSeconds(10),
      Duration.ofMinutes(15), now::get);

  @Test
  void failed_doublesUpToTheCap() throws Exception {
    InetAddress client = InetAddress.getByName("10.0.0.1");
    assertThat(throttle.failed(client)).isEqualTo(Duration.ofMillis(500));
    assertThat(throttle.failed(client)).isEqualTo(Duration.ofMillis(1000));
    assertThat(throttle.failed(client)).isEqualTo(Duration.ofMillis(2000));
    assertThat(throttle.failed(client)).isEqualTo(Duration.ofMillis(4000));
    assertThat(throttle.failed(client)).isEqualTo(Duration.ofMillis(8000));
    assertThat(throttle.failed(client)).isEqualTo(Duration.ofSeconds(10));
    for (int i = 0; i < 100; i++) {
      assertThat(throttle.failed(client)).isEqualTo(Duration.ofSeconds(10));
    }
  }

  @Test
  void failed_countsPerAddress() throws Exception {
    throttle.failed(InetAddress.getByName("10.0.0.1"));
    throttle.failed(InetAddress.getByName("10.0.0.1"));
    assertThat(throttle.failed(InetAddress.getByName("10.0.0.2"))).isEqualTo(Duration.ofMillis(500));
  }

  @Test
  void succeeded_resetsTheAddress() throws Exception {
    InetAddress client = InetAddress.getByName("10.0.0.1");
    throttle.failed(client);
    throttle.failed(client);
    throttle.succeeded(client);
    assertThat(throttle.failed(client)).isEqualTo(Duration.ofMillis(500));
  }

  @Test
  void failed_afterAQuietPeriod_startsAgain() throws Exception {
    InetAddress client = InetAddress.getByName("10.0.0.1");
    throttle.failed(client);
    throttle.failed(client);
    now.addAndGet(Duration.ofMinutes(16).toNanos());
    assertThat(throttle.failed(client)).isEqualTo(Duration.ofMillis(500));
  }

  @Test
  void none_neverDelays() throws Exception {
    LoginThrottle none = LoginThrottle.none();
    InetAddress client = InetAddress.getByName("10.0.0.1");
    for (int i = 0; i < 5; i++) {
      assertThat(none.failed(client)).isZero();
    }
  }
}
