package io.omendb.alex;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Order-preserving mappings between the engine's key types and the signed {@code long} keys of {@link AlexIndex}.
 *
 * <p>For every type, {@code a < b} if and only if {@code toLong(a) < toLong(b)}, and each mapping round-trips.
 * Integers widen; dates become days since 1970-01-01; timestamps become microseconds since the epoch (PostgreSQL's
 * resolution). Nearby values map to nearby longs, which keeps the learned models accurate.
 */
public final class KeyMapping {

  private static final long MICROS_PER_SECOND = 1_000_000L;
  private static final long NANOS_PER_MICRO = 1_000L;

  private KeyMapping() {
  }

  /** An {@code int} key (SQL {@code integer}). */
  public static long ofInt(int value) {
    return value;
  }

  /** The {@code int} key of {@link #ofInt}. */
  public static int toInt(long key) {
    return Math.toIntExact(key);
  }

  /** A {@code bigint} key: the identity. */
  public static long ofBigint(long value) {
    return value;
  }

  /** A {@code date} key: days since 1970-01-01. */
  public static long ofDate(LocalDate date) {
    return date.toEpochDay();
  }

  /** The {@code date} of {@link #ofDate}. */
  public static LocalDate toDate(long key) {
    return LocalDate.ofEpochDay(key);
  }

  /** A {@code timestamp with time zone} key: microseconds since the epoch (sub-microsecond digits truncated). */
  public static long ofTimestamp(Instant instant) {
    long micros = Math.multiplyExact(instant.getEpochSecond(), MICROS_PER_SECOND);
    return Math.addExact(micros, instant.getNano() / NANOS_PER_MICRO);
  }

  /** The instant of {@link #ofTimestamp}. */
  public static Instant toTimestamp(long key) {
    return Instant.EPOCH.plus(key, ChronoUnit.MICROS);
  }

  /** A {@code timestamp} (without time zone) key: microseconds since 1970-01-01T00:00 read as UTC. */
  public static long ofLocalTimestamp(LocalDateTime dateTime) {
    return ofTimestamp(dateTime.toInstant(ZoneOffset.UTC));
  }

  /** The local date-time of {@link #ofLocalTimestamp}. */
  public static LocalDateTime toLocalTimestamp(long key) {
    return LocalDateTime.ofInstant(toTimestamp(key), ZoneOffset.UTC);
  }
}
