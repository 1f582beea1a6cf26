package io.omendb.pg.types;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * PostgreSQL's binary format ({@code typsend}/{@code typreceive}) of the types clients exchange in binary: bool,
 * int2/4/8, float4/8, numeric, text/varchar/bpchar, bytea, date, time, timestamp, timestamptz and uuid. Dates and
 * times count from PostgreSQL's epoch, 2000-01-01, in days or microseconds.
 */
public final class BinaryFormat {
  private static final LocalDate PG_EPOCH_DATE = LocalDate.of(2000, 1, 1);
  private static final LocalDateTime PG_EPOCH = PG_EPOCH_DATE.atStartOfDay();
  /** The version byte that starts jsonb's binary form. */
  private static final byte JSONB_VERSION = 1;
  private static final short NUMERIC_POSITIVE = 0x0000;
  private static final short NUMERIC_NEGATIVE = 0x4000;
  private static final short NUMERIC_NAN = (short) 0xC000;
  private static final int NUMERIC_BASE = 10_000;
  private static final int NUMERIC_DIGITS_PER_WORD = 4;
  private static final BigInteger BIG_BASE = BigInteger.valueOf(NUMERIC_BASE);

  private BinaryFormat() {}

  /** Whether parameter values of {@code type} can be decoded from binary here (arrays are only encoded). */
  public static boolean supports(PgType type) {
    return type != PgType.UNKNOWN && type != PgType.TIMETZ && type.element() == null;
  }

  /**
   * Decodes a binary parameter value of {@code type} into {@link Boolean}, {@link Short}, {@link Integer},
   * {@link Long}, {@link Float}, {@link Double}, {@link BigDecimal}, {@link String}, {@code byte[]},
   * {@link LocalDate}, {@link LocalTime}, {@link LocalDateTime} or {@link OffsetDateTime}.
   *
   * @throws IllegalArgumentException if the bytes are not a value of the type
   */
  public static Object decode(PgType type, byte[] bytes) {
    requireNonNull(type, "type");
    ByteBuffer in = ByteBuffer.wrap(bytes);
    Object value = switch (type) {
      case BOOL -> in.get() != 0;
      case INT2 -> in.getShort();
      case INT4 -> in.getInt();
      case INT8 -> in.getLong();
      case FLOAT4 -> in.getFloat();
      case FLOAT8 -> in.getDouble();
      case NUMERIC -> decodeNumeric(in);
      case TEXT, VARCHAR, BPCHAR -> new String(in.array(), StandardCharsets.UTF_8);
      case BYTEA -> bytes.clone();
      case DATE -> PG_EPOCH_DATE.plusDays(in.getInt());
      case TIME -> LocalTime.ofNanoOfDay(in.getLong() * 1000L);
      case TIMESTAMP -> PG_EPOCH.plus(in.getLong(), ChronoUnit.MICROS);
      case TIMESTAMPTZ -> PG_EPOCH.plus(in.getLong(), ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
      case UUID -> new UUID(in.getLong(), in.getLong()).toString();
      case JSON -> StandardCharsets.UTF_8.decode(in).toString();
      case JSONB -> decodeJsonb(in);
      default -> throw new IllegalArgumentException("no binary format for " + type.typeName());
    };
    if (type != PgType.TEXT && type != PgType.VARCHAR && type != PgType.BPCHAR && type != PgType.BYTEA
        && in.hasRemaining()) {
      throw new IllegalArgumentException("too many bytes for binary " + type.typeName());
    }
    return value;
  }

  /**
   * Encodes a result value (a class a {@code StatementResult} row holds, or a {@code java.time} one) as a column of
   * {@code type} in binary format, or null for SQL NULL.
   *
   * @throws IllegalArgumentException if the value cannot be a value of the type
   */
  public static byte[] encode(PgType type, Object value) {
    requireNonNull(type, "type");
    if (value == null) {
      return null;
    }
    if (type.element() != null) {
      return encodeArray(type.element(), TextFormat.elements(value));
    }
    return switch (type) {
      case BOOL -> new byte[] {(byte) (((Boolean) value) ? 1 : 0)};
      case INT2 -> ByteBuffer.allocate(2).putShort(((Number) value).shortValue()).array();
      case INT4 -> ByteBuffer.allocate(4).putInt(((Number) value).intValue()).array();
      case INT8 -> ByteBuffer.allocate(8).putLong(((Number) value).longValue()).array();
      case FLOAT4 -> ByteBuffer.allocate(4).putFloat(((Number) value).floatValue()).array();
      case FLOAT8 -> ByteBuffer.allocate(8).putDouble(((Number) value).doubleValue()).array();
      case NUMERIC -> encodeNumeric(value instanceof BigDecimal bd ? bd : new BigDecimal(value.toString()));
      case BYTEA -> value instanceof byte[] bytes ? bytes : value.toString().getBytes(StandardCharsets.UTF_8);
      case DATE -> ByteBuffer.allocate(4).putInt((int) ChronoUnit.DAYS.between(PG_EPOCH_DATE, toDate(value)))
          .array();
      case TIME -> ByteBuffer.allocate(8).putLong(toTime(value).toNanoOfDay() / 1000L).array();
      case TIMESTAMP -> ByteBuffer.allocate(8).putLong(ChronoUnit.MICROS.between(PG_EPOCH, toTimestamp(value)))
          .array();
      case TIMESTAMPTZ -> ByteBuffer.allocate(8).putLong(ChronoUnit.MICROS.between(PG_EPOCH,
          value instanceof OffsetDateTime odt ? odt.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime()
              : toTimestamp(value))).array();
      case UUID -> {
        UUID uuid = value instanceof UUID u ? u : UUID.fromString(value.toString());
        yield ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits())
            .putLong(uuid.getLeastSignificantBits()).array();
      }
      case INTERVAL -> IntervalFormat.isInterval(value) ? IntervalFormat.binary(value)
          : TextFormat.encodeBytes(type, value);
      case JSONB -> {
        byte[] text = value.toString().getBytes(StandardCharsets.UTF_8);
        yield ByteBuffer.allocate(1 + text.length).put(JSONB_VERSION).put(text).array();
      }
      default -> TextFormat.encodeBytes(type, value);
    };
  }

  /** jsonb's binary form: a version byte, then the text. */
  private static String decodeJsonb(ByteBuffer in) {
    byte version = in.get();
    if (version != JSONB_VERSION) {
      throw new IllegalArgumentException("unsupported jsonb version number " + version);
    }
    return StandardCharsets.UTF_8.decode(in).toString();
  }

  /**
   * A one-dimensional array as {@code array_send} writes it: dimensions (1), whether any element is NULL, the
   * element type's OID, the length and lower bound (1), then each element as its length and binary value (-1 for
   * NULL). An empty array has no dimensions.
   */
  private static byte[] encodeArray(PgType element, List<?> values) {
    List<byte[]> encoded = new ArrayList<>(values.size());
    int size = 0;
    boolean hasNull = false;
    for (Object value : values) {
      byte[] bytes = encode(element, value);
      encoded.add(bytes);
      hasNull |= bytes == null;
      size += Integer.BYTES + (bytes == null ? 0 : bytes.length);
    }
    int dimensions = values.isEmpty() ? 0 : 1;
    ByteBuffer out = ByteBuffer.allocate(3 * Integer.BYTES + dimensions * 2 * Integer.BYTES + size);
    out.putInt(dimensions).putInt(hasNull ? 1 : 0).putInt(element.oid());
    if (dimensions == 1) {
      out.putInt(values.size()).putInt(1);
    }
    for (byte[] bytes : encoded) {
      if (bytes == null) {
        out.putInt(-1);
      } else {
        out.putInt(bytes.length).put(bytes);
      }
    }
    return out.array();
  }

  private static LocalDate toDate(Object value) {
    return value instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) value;
  }

  private static LocalTime toTime(Object value) {
    if (value instanceof java.sql.Time t) {
      return t.toLocalTime().withNano((int) (Math.floorMod(t.getTime(), 1000L) * 1_000_000L));
    }
    return (LocalTime) value;
  }

  private static LocalDateTime toTimestamp(Object value) {
    return value instanceof java.sql.Timestamp ts ? ts.toLocalDateTime() : (LocalDateTime) value;
  }

  private static BigDecimal decodeNumeric(ByteBuffer in) {
    int count = in.getShort();
    int weight = in.getShort();
    short sign = in.getShort();
    int scale = in.getShort() & 0xFFFF;
    if (sign == NUMERIC_NAN) {
      throw new IllegalArgumentException("NaN is not supported for numeric");
    }
    if (sign != NUMERIC_POSITIVE && sign != NUMERIC_NEGATIVE) {
      throw new IllegalArgumentException("invalid sign in binary numeric");
    }
    BigInteger unscaled = BigInteger.ZERO;
    for (int i = 0; i < count; i++) {
      int digit = in.getShort();
      if (digit < 0 || digit >= NUMERIC_BASE) {
        throw new IllegalArgumentException("invalid digit in binary numeric");
      }
      unscaled = unscaled.multiply(BIG_BASE).add(BigInteger.valueOf(digit));
    }
    // The digits are base-10000 words; the last one has weight (weight - count + 1).
    BigDecimal value = new BigDecimal(unscaled).scaleByPowerOfTen((weight - count + 1) * NUMERIC_DIGITS_PER_WORD);
    if (sign == NUMERIC_NEGATIVE) {
      value = value.negate();
    }
    return value.setScale(scale, RoundingMode.HALF_UP);
  }

  private static byte[] encodeNumeric(BigDecimal value) {
    int scale = Math.max(value.scale(), 0);
    BigInteger unscaled = value.abs().setScale(scale, RoundingMode.UNNECESSARY).unscaledValue();
    // Align the digits to base-10000 words: pad the fraction to a multiple of four decimal digits.
    int fractionWords = (scale + NUMERIC_DIGITS_PER_WORD - 1) / NUMERIC_DIGITS_PER_WORD;
    unscaled = unscaled.multiply(BigInteger.TEN.pow(fractionWords * NUMERIC_DIGITS_PER_WORD - scale));
    List<Short> words = new ArrayList<>();
    while (unscaled.signum() != 0) {
      BigInteger[] qr = unscaled.divideAndRemainder(BIG_BASE);
      words.add(0, qr[1].shortValue());
      unscaled = qr[0];
    }
    int weight = words.size() - fractionWords - 1;
    // Trailing zero words carry no information.
    while (!words.isEmpty() && words.get(words.size() - 1) == 0) {
      words.remove(words.size() - 1);
    }
    // Leading zero words (a pure fraction) are dropped too, lowering the weight.
    while (!words.isEmpty() && words.get(0) == 0) {
      words.remove(0);
      weight--;
    }
    if (words.isEmpty()) {
      weight = 0;
    }
    ByteBuffer out = ByteBuffer.allocate(8 + 2 * words.size());
    out.putShort((short) words.size()).putShort((short) weight)
        .putShort(value.signum() < 0 ? NUMERIC_NEGATIVE : NUMERIC_POSITIVE).putShort((short) scale);
    words.forEach(out::putShort);
    return out.array();
  }
}
