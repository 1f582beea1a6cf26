package io.omendb.adapter;

import static java.util.Objects.requireNonNull;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Slows repeated failed logins from one client address: the n-th consecutive failure is answered only after
 * {@code base × 2^(n-1)}, capped at {@code max}. A successful login from the address resets it, and an address
 * without failures for {@code forgetAfter} starts again from {@code base}. Thread-safe.
 *
 * <p>This bounds password guessing per address to about one try per {@code max} once the cap is reached, without
 * locking anyone out. The delay keeps the connection slot busy; the authentication timeout still ends it.
 */
public final class LoginThrottle {
  /** The default delay after a first failure. */
  public static final Duration DEFAULT_BASE = Duration.ofMillis(500);
  /** The default longest delay. */
  public static final Duration DEFAULT_MAX = Duration.ofSeconds(10);
  /** How long an address's failures are remembered. */
  public static final Duration DEFAULT_FORGET_AFTER = Duration.ofMinutes(15);
  /** The most addresses remembered; the least recently failing are forgotten first. */
  static final int MAX_TRACKED_ADDRESSES = 10_000;
  private static final int MAX_DOUBLINGS = 30;

  private final long baseNanos;
  private final long maxNanos;
  private final long forgetAfterNanos;
  private final LongSupplier clock;
  private final Map<InetAddress, Failures> failures = new LinkedHashMap<>(16, 0.75f, true); // guarded by this

  private record Failures(int count, long lastNanos) {}

  public LoginThrottle(Duration base, Duration max, Duration forgetAfter) {
    this(base, max, forgetAfter, System::nanoTime);
  }

  LoginThrottle(Duration base, Duration max, Duration forgetAfter, LongSupplier clock) {
    requireNonNull(base, "base");
    requireNonNull(max, "max");
    requireNonNull(forgetAfter, "forgetAfter");
    if (base.isNegative() || max.compareTo(base) < 0 || forgetAfter.isNegative()) {
      throw new IllegalArgumentException("need 0 <= base <= max and forgetAfter >= 0");
    }
    this.baseNanos = base.toNanos();
    this.maxNanos = max.toNanos();
    this.forgetAfterNanos = forgetAfter.toNanos();
    this.clock = requireNonNull(clock, "clock");
  }

  /** The documented default policy: 0.5 s doubling up to 10 s, forgotten after 15 minutes. */
  public static LoginThrottle defaults() {
    return new LoginThrottle(DEFAULT_BASE, DEFAULT_MAX, DEFAULT_FORGET_AFTER);
  }

  /** No delays at all (for tests that are not about throttling). */
  public static LoginThrottle none() {
    return new LoginThrottle(Duration.ZERO, Duration.ZERO, Duration.ZERO);
  }

  /** Records a failed login from {@code client} and returns how long to wait before answering it. */
  public synchronized Duration failed(InetAddress client) {
    long now = clock.getAsLong();
    Failures previous = failures.get(client);
    int count = previous == null || now - previous.lastNanos() > forgetAfterNanos ? 1 : previous.count() + 1;
    failures.put(client, new Failures(count, now));
    if (failures.size() > MAX_TRACKED_ADDRESSES) {
      Iterator<InetAddress> eldest = failures.keySet().iterator();
      eldest.next();
      eldest.remove();
    }
    int doublings = Math.min(count - 1, MAX_DOUBLINGS);
    long delay = baseNanos > maxNanos >> doublings ? maxNanos : baseNanos << doublings;
    return Duration.ofNanos(Math.min(delay, maxNanos));
  }

  /** Records a successful login from {@code client}: its failures are forgotten. */
  public synchronized void succeeded(InetAddress client) {
    failures.remove(client);
  }
}
